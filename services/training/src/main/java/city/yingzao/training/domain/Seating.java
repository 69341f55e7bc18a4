package city.yingzao.training.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * T3: a session's seats and its waitlist. A learner takes a seat while one is free, else joins the
 * end of the waitlist; when a seat frees (a withdrawal, or the capacity grows) the waitlist is
 * promoted in the order people joined it, never otherwise.
 */
public final class Seating {

    /** Where a learner ended up. */
    public enum Place { SEATED, WAITLISTED }

    private final int capacity;
    private final List<String> seated;
    private final List<String> waitlist;

    /**
     * @param capacity seats of the session
     * @param seated   people holding a seat
     * @param waitlist people waiting, in the order they joined
     */
    public Seating(int capacity, List<String> seated, List<String> waitlist) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a session has at least one seat");
        }
        this.capacity = capacity;
        this.seated = new ArrayList<>(seated);
        this.waitlist = new ArrayList<>(waitlist);
    }

    public Optional<Rejection> refusal(String person, boolean sessionOpen) {
        if (!sessionOpen) {
            return Optional.of(new Rejection("T3", "the session is closed to enrolment"));
        }
        if (seated.contains(person) || waitlist.contains(person)) {
            return Optional.of(new Rejection("T3", person + " is already enrolled or waiting"));
        }
        return Optional.empty();
    }

    /** Seats the person when a seat is free, else puts them at the end of the waitlist. */
    public Place enrol(String person) {
        if (seated.size() < capacity) {
            seated.add(person);
            return Place.SEATED;
        }
        waitlist.add(person);
        return Place.WAITLISTED;
    }

    /** Frees the person's seat or waitlist place; returns who was promoted to a seat, in waitlist order. */
    public List<String> withdraw(String person) {
        if (!seated.remove(person)) {
            waitlist.remove(person);
        }
        return promote();
    }

    /** Fills free seats from the head of the waitlist. */
    public List<String> promote() {
        List<String> promoted = new ArrayList<>();
        while (seated.size() < capacity && !waitlist.isEmpty()) {
            String next = waitlist.remove(0);
            seated.add(next);
            promoted.add(next);
        }
        return promoted;
    }

    public List<String> seated() {
        return List.copyOf(seated);
    }

    public List<String> waitlist() {
        return List.copyOf(waitlist);
    }
}
