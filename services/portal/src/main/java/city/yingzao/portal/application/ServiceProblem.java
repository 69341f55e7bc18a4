package city.yingzao.portal.application;

/**
 * A service said no: the RFC 9457 problem it answered (status, type such as
 * {@code urn:yingzao:problem:rule:F7}, title, detail). Pages show the detail, which the services write
 * for people ("D6: 19 of 25 members present, 20 needed").
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public ServiceProblem(int status, String type, String title, String detail) {
        super(status + " " + (detail == null ? title : detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** What to tell the person: the service's detail, else its title. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title;
    }

    /** The rule a refusal names (the last segment of a {@code urn:yingzao:problem:rule:<ID>} type), if any. */
    public String rule() {
        String prefix = "urn:yingzao:problem:rule:";
        return type != null && type.startsWith(prefix) ? type.substring(prefix.length()) : null;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean unavailable() {
        return status >= 500;
    }
}
