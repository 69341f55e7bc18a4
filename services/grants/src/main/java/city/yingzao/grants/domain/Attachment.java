package city.yingzao.grants.domain;

/** An attachment of a report: a reference and its checksum. */
public record Attachment(String name, String reference, String sha256) {
}
