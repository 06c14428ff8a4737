public enum CMCEmulatorPlaceholder {}
