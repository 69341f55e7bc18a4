package city.yingzao.deliberation.domain;

/** D13: an agenda item is {@code PENDING}, then {@code OPEN} (one at a time), then {@code DONE}; it never reopens. */
public enum ItemState {
    PENDING,
    OPEN,
    DONE;

    public ItemState open() {
        if (this != PENDING) {
            throw new IllegalStateException("item is " + this);
        }
        return OPEN;
    }

    public ItemState done() {
        return DONE;
    }
}
