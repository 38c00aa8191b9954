package io.github.dicomscu.health;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.scu.AeOperations;
import io.github.dicomscu.scu.EchoResult;
import io.github.dicomscu.scu.RemoteAe;

/**
 * Checks the remote AEs of an {@link AeOperations} together, so that N remotes that do
 * not answer cost one health timeout, not N: the first {@link DicomHealthIndicator} asked
 * starts a round that echoes every remote at once, each on a thread of its own, and each
 * indicator then takes its remote's outcome. An outcome serves one health request only
 * and is never used once it is older than the timeout; a request for one remote alone
 * (such as {@code /actuator/health/dicom/pacs}) starts a round too, which re-uses the
 * echoes still under way.
 * <p>
 * Each echo proposes Verification only, with the timeout for the whole check. The threads
 * are daemon threads of a pool of at most one per remote, which ends idle threads and is
 * stopped by {@link #close()}. Thread-safe.
 */
public class DicomHealthProbes implements AutoCloseable {

	static final List<PresentationContext> VERIFICATION = List.of(PresentationContext.of(Uid.VERIFICATION));

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final AeOperations operations;

	private final Map<String, RemoteAe> remotes;

	private final Duration timeout;

	private final ThreadPoolExecutor executor;

	private final Map<String, Probe> probes = new HashMap<>();

	/**
	 * Create the probes of some remotes of an {@link AeOperations}.
	 * @param operations the operations that know the remotes by their names
	 * @param remotes the remotes to check
	 * @param timeout the timeout of a whole check: connect, association, C-ECHO and
	 * release together
	 */
	public DicomHealthProbes(AeOperations operations, Collection<RemoteAe> remotes, Duration timeout) {
		this.operations = Objects.requireNonNull(operations, "operations");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		Map<String, RemoteAe> byName = new LinkedHashMap<>();
		remotes.forEach((remote) -> byName.put(remote.name(), remote));
		this.remotes = Collections.unmodifiableMap(byName);
		int threads = Math.max(1, byName.size());
		this.executor = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), threadFactory());
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Return the remotes these probes check.
	 * @return the remotes by name, in the order given
	 */
	public Map<String, RemoteAe> getRemotes() {
		return this.remotes;
	}

	/**
	 * Return the timeout of a whole check.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Return the outcome of a C-ECHO to a remote: that of the current round if it has not
	 * been taken and is not older than the timeout, else that of a new round, started for
	 * every remote whose outcome is missing or stale. Waits for the echo to end, which
	 * its timeouts bound.
	 * @param remote the remote's name, one of {@link #getRemotes()}
	 * @return the outcome
	 * @throws io.github.dicomscu.scu.DicomAccessException if the echo failed
	 */
	EchoResult echo(String remote) {
		Probe probe;
		synchronized (this.probes) {
			long now = System.nanoTime();
			probe = this.probes.remove(remote);
			if (probe == null || probe.isStale(now)) {
				probe = start(remote);
				for (String other : this.remotes.keySet()) {
					Probe current = this.probes.get(other);
					if (!other.equals(remote) && (current == null || current.isStale(now))) {
						this.probes.put(other, start(other));
					}
				}
			}
		}
		return probe.await();
	}

	/**
	 * Stop the threads, interrupting the echoes under way (which closes their
	 * connections) and failing those not started, and wait up to the timeout for the
	 * threads to end.
	 */
	@Override
	public void close() {
		for (Runnable notStarted : this.executor.shutdownNow()) {
			((Probe) notStarted).outcome
				.completeExceptionally(new IllegalStateException("The DICOM health probes are closed"));
		}
		try {
			this.executor.awaitTermination(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Probe start(String remote) {
		Probe probe = new Probe(remote);
		this.executor.execute(probe);
		return probe;
	}

	private static ThreadFactory threadFactory() {
		String prefix = "dicom-health-" + POOLS.incrementAndGet() + "-";
		AtomicInteger threads = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * One C-ECHO to one remote, run by the pool.
	 */
	private final class Probe implements Runnable {

		private final String remote;

		private final CompletableFuture<EchoResult> outcome = new CompletableFuture<>();

		private volatile long completedAt;

		private volatile boolean completed;

		Probe(String remote) {
			this.remote = remote;
		}

		@Override
		public void run() {
			try {
				this.outcome.complete(DicomHealthProbes.this.operations.echo(this.remote, VERIFICATION,
						DicomHealthProbes.this.timeout));
			}
			catch (RuntimeException | Error ex) {
				this.outcome.completeExceptionally(ex);
			}
			finally {
				this.completedAt = System.nanoTime();
				this.completed = true;
			}
		}

		/**
		 * Return whether the echo ended longer than the timeout ago.
		 */
		boolean isStale(long now) {
			return this.completed && now - this.completedAt > DicomHealthProbes.this.timeout.toNanos();
		}

		/**
		 * Wait for the outcome: at most two timeouts (a round still under way, then this
		 * echo) and a second, so that an echo that does not end by its own deadline
		 * cannot hold the health request.
		 */
		EchoResult await() {
			Duration limit = DicomHealthProbes.this.timeout.multipliedBy(2).plusSeconds(1);
			try {
				return this.outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("The health check did not end within " + limit, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the health check", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException("The health check failed", ex.getCause());
			}
		}

	}

}
