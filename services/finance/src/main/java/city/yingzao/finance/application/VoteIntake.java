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

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    /** A ballot recorded. */
    public record Receipt(String roundId, String householdCode, String channel, Instant recordedAt) {
    }

    private record Waiting(PendingBallot ballot, CompletableFuture<Receipt> answer, Context context) {
    }

    void start(@Observes StartupEvent started) {
        running = true;
        writer = new Thread(this::writeLoop, "vote-intake");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
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
        queue.addAll(waiting);
        return waiting.stream().map(w -> (CompletionStage<Receipt>) w.answer()).toList();
    }

    private void writeLoop() {
        List<Waiting> batch = new ArrayList<>();
        while (running) {
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
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
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
