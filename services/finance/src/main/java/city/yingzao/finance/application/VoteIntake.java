package city.yingzao.finance.application;

import city.yingzao.finance.domain.OneHouseholdOneVote;
import city.yingzao.finance.domain.VoteRound;
import city.yingzao.finance.infrastructure.VoteStore;
import city.yingzao.finance.infrastructure.VoteStore.PendingBallot;
import city.yingzao.kernel.problem.ProblemException;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The vote intake's group commit (F7): ballots from concurrent requests wait a couple of
 * milliseconds for company, then one transaction records the whole batch with one multi-row insert
 * (first ballot of a household wins, by primary key) and moves the live tally; each request is
 * answered after that commit. PostgreSQL stays the only judge of "first", so two replicas of the
 * service may take ballots for the same round. A ballot that was not recorded is explained
 * afterwards: already voted (which channel), not an active household, round closed or unknown.
 *
 * <p>Its life: the queue is bounded ({@code queue-capacity}; a request beyond it is answered 503 and
 * nothing is queued); the writer thread survives anything a batch throws (the batch's requests are
 * answered with the failure) and {@link VoteIntakeHealth} reports it DOWN should it ever stop; on
 * shutdown no new ballot is taken and every ballot already queued is written and answered before the
 * service stops ({@code drain-timeout}).
 */
@ApplicationScoped
public class VoteIntake {

    private static final Logger LOG = Logger.getLogger(VoteIntake.class);

    @Inject
    VoteStore votes;

    @Inject
    VoteConfig config;

    @Inject
    MeterRegistry metrics;

    private BlockingQueue<Waiting> queue;
    private volatile boolean accepting;
    private volatile Thread writer;

    /** A ballot recorded. */
    public record Receipt(String roundId, String householdCode, String channel, Instant recordedAt) {
    }

    private record Waiting(PendingBallot ballot, CompletableFuture<Receipt> answer, Context context) {
    }

    void start(@Observes StartupEvent started) {
        queue = new LinkedBlockingQueue<>(config.queueCapacity());
        accepting = true;
        writer = new Thread(this::writeLoop, "vote-intake");
        writer.setDaemon(true);
        writer.start();
    }

    /** Takes no new ballot, and waits until every queued one is written and answered. */
    void stop(@Observes ShutdownEvent stopping) {
        accepting = false;
        Thread w = writer;
        if (w == null) {
            return;
        }
        try {
            w.join(config.drainTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (w.isAlive()) {
            LOG.warnf("vote intake: %d ballot(s) still queued after %s; stopping", queue.size(), config.drainTimeout());
            w.interrupt();
        }
    }

    /** Whether the writer thread is alive (it ends only after a shutdown drained the queue). */
    public boolean writerAlive() {
        Thread w = writer;
        return w != null && w.isAlive();
    }

    /** Ballots waiting for the writer now. */
    public int queued() {
        return queue == null ? 0 : queue.size();
    }

    public int capacity() {
        return config.queueCapacity();
    }

    /** Queues a ballot; the answer completes on the caller's Vert.x context after the batch commits. */
    public CompletionStage<Receipt> submit(PendingBallot ballot) {
        return submitAll(List.of(ballot)).get(0);
    }

    /**
     * Queues a stack of ballots at once (paper ballots digitised after a count), so they share the
     * same group commits; one answer per ballot, in order, each completing as {@link #submit} does.
     */
    public List<CompletionStage<Receipt>> submitAll(List<PendingBallot> ballots) {
        Context context = Vertx.currentContext();
        List<Waiting> waiting = ballots.stream().map(b -> new Waiting(b, new CompletableFuture<>(), context)).toList();
        // only the writer takes from the queue, so the room seen here can only grow before the adds
        synchronized (this) {
            if (!accepting) {
                throw Problems.unavailable("the vote intake is shutting down; send the ballot again in a moment");
            }
            if (queue.remainingCapacity() < waiting.size()) {
                metrics.counter("yingzao.finance.votes.refused.full").increment(waiting.size());
                throw Problems.unavailable("the vote intake has " + queue.size() + " ballot(s) waiting, its limit is "
                        + config.queueCapacity() + "; nothing of this request was queued, send it again in a moment");
            }
            queue.addAll(waiting);
        }
        return waiting.stream().map(w -> (CompletionStage<Receipt>) w.answer()).toList();
    }

    private void writeLoop() {
        List<Waiting> batch = new ArrayList<>();
        // after a shutdown began, it goes on until the queue is empty: every request gets its answer
        while (accepting || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + config.batchWindow().toNanos();
                while (batch.size() < config.batchMax()) {
                    queue.drainTo(batch, config.batchMax() - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= config.batchMax() || left <= 0) {
                        break;
                    }
                    Waiting next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        batch.add(next);
                    }
                }
                write(batch);
            } catch (InterruptedException e) {
                // only a shutdown whose drain timed out interrupts: answer what is left rather than leave it hanging
                batch.forEach(w -> answer(w, null, Problems.unavailable("the vote intake stopped; send the ballot again")));
                queue.forEach(w -> answer(w, null, Problems.unavailable("the vote intake stopped; send the ballot again")));
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // anything, Errors included: the writer must outlive a bad batch
                LOG.error("vote intake batch failed", e);
                batch.forEach(w -> answer(w, null, e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Waiting> batch) {
        // the first of a household in this batch goes to the database; a second in the same batch is a duplicate
        List<PendingBallot> distinct = new ArrayList<>(batch.size());
        Set<String> keys = new HashSet<>();
        List<Waiting> firsts = new ArrayList<>(batch.size());
        List<Waiting> later = new ArrayList<>();
        for (Waiting w : batch) {
            if (keys.add(w.ballot().key())) {
                distinct.add(w.ballot());
                firsts.add(w);
            } else {
                later.add(w);
            }
        }
        Set<String> recorded;
        try {
            long started = System.nanoTime();
            recorded = QuarkusTransaction.requiringNew().call(() -> votes.recordBatch(distinct));
            metrics.timer("yingzao.finance.votes.batch").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            metrics.summary("yingzao.finance.votes.batch.size").record(distinct.size());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                throw e;
            }
            LOG.warnf("a batch of %d ballots failed (%s); recording them one by one", batch.size(), e.toString());
            batch.forEach(w -> {
                try {
                    write(List.of(w));
                } catch (RuntimeException single) {
                    answer(w, null, single);
                }
            });
            return;
        }
        Instant now = Instant.now();
        List<Waiting> refused = new ArrayList<>(later);
        for (Waiting w : firsts) {
            if (recorded.contains(w.ballot().key())) {
                answer(w, new Receipt(w.ballot().roundId(), w.ballot().householdCode(), w.ballot().channel().name(), now), null);
            } else {
                refused.add(w);
            }
        }
        for (Waiting w : refused) {
            answer(w, null, explain(w.ballot()));
        }
    }

    /** Why a ballot was not recorded, in the words of the rule. */
    private RuntimeException explain(PendingBallot b) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<VoteRound> round = votes.find(b.roundId(), false).filter(r -> r.communityCode().equals(b.communityCode()));
                if (round.isEmpty()) {
                    return Problems.notFound("vote round", b.roundId() + " of community " + b.communityCode());
                }
                var channel = votes.channelOf(b.roundId(), b.householdCode());
                if (channel.isPresent()) {
                    return (ProblemException) new RuleViolation(409, List.of(
                            OneHouseholdOneVote.alreadyVoted(b.householdCode(), channel.get())));
                }
                if (round.get().status() != VoteRound.Status.OPEN) {
                    return Problems.conflict("vote round " + b.roundId() + " is closed");
                }
                var approvals = OneHouseholdOneVote.checkApprovals(round.get().candidates(), b.approvals());
                if (approvals.isPresent()) {
                    return RuleViolation.of(approvals.get());
                }
                return RuleViolation.of(OneHouseholdOneVote.notRegistered(b.householdCode(), b.communityCode()));
            });
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void answer(Waiting w, Receipt receipt, Throwable failure) {
        Runnable complete = () -> {
            if (failure == null) {
                w.answer().complete(receipt);
            } else {
                w.answer().completeExceptionally(failure);
            }
        };
        if (w.context() != null) {
            w.context().runOnContext(ignored -> complete.run());
        } else {
            complete.run();
        }
    }
}
