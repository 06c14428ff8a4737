public import ArgumentParser
public import Store

/// `--format table|csv|json` for `load`, `runs`, `latest` and `history`.
extension QueryFormat: ExpressibleByArgument {}

/// `--format csv|jsonl` for `export`.
extension ExportFormat: ExpressibleByArgument {}
