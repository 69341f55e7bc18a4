package city.yingzao.registry.infrastructure;

import java.io.Serializable;
import java.util.Objects;

/** Key of anything that lives inside one community: (community code, own code). */
public class MemberId implements Serializable {

    public String communityCode;
    public String code;

    public MemberId() {
    }

    public MemberId(String communityCode, String code) {
        this.communityCode = communityCode;
        this.code = code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberId other && Objects.equals(communityCode, other.communityCode)
                && Objects.equals(code, other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(communityCode, code);
    }
}
