import DisclosureCore

extension StoredFile {
    /// A file from the four columns every table with an upload carries (`file_name`, `file_type`,
    /// `file_sha256`, `file_size`); none when no content hash is stored.
    static func stored(name: String?, type: String?, sha256: String?, size: Int?) -> StoredFile? {
        sha256.map { StoredFile(name: name ?? "附件", mediaType: type ?? "application/octet-stream", sha256: $0, size: size ?? 0) }
    }
}
