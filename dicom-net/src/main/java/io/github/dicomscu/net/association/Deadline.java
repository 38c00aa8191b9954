package io.github.dicomscu.net.association;

import java.time.Duration;

/**
 * The instant by which one phase of an association must be done, and the timer that set
 * it: a timeout started once for the whole phase, not restarted by each byte that
 * arrives. A phase's deadline {@link #within(Deadline) within} an association's overall
 * deadline is the earlier of the two; when the overall one comes first, its expiry is an
 * {@link TimeoutKind#OPERATION operation timeout} that names the phase it cut short.
 */
final class Deadline {

	private static final long NANOS_PER_MILLI = 1_000_000;

	private final TimeoutKind kind;

	private final Duration timeout;

	private final long expiresAt;

	private final TimeoutKind phase;

	private Deadline(TimeoutKind kind, Duration timeout, long expiresAt, TimeoutKind phase) {
		this.kind = kind;
		this.timeout = timeout;
		this.expiresAt = expiresAt;
		this.phase = phase;
	}

	/**
	 * Start a timer now.
	 * @param kind the timer
	 * @param timeout how long the phase may take
	 * @return the deadline
	 */
	static Deadline after(TimeoutKind kind, Duration timeout) {
		return new Deadline(kind, timeout, System.nanoTime() + timeout.toNanos(), null);
	}

	/**
	 * Return the earlier of this deadline and an overall one.
	 * @param overall the overall deadline, or {@code null} for none
	 * @return this deadline, or the overall one naming this deadline's timer as the phase
	 * it bounds
	 */
	Deadline within(Deadline overall) {
		if (overall == null || this.expiresAt - overall.expiresAt <= 0) {
			return this;
		}
		return new Deadline(overall.kind, overall.timeout, overall.expiresAt, this.kind);
	}

	/**
	 * Return the time left, rounded up to whole milliseconds, for a socket timeout (where
	 * 0 would mean none).
	 * @return the milliseconds left, at least 1
	 */
	int remainingMillis() {
		long remaining = Math.max(1, this.expiresAt - System.nanoTime());
		return (int) Math.min(Integer.MAX_VALUE, (remaining + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
	}

	/**
	 * Return whether the deadline has passed.
	 * @param now the current {@link System#nanoTime()}
	 * @return whether expired
	 */
	boolean hasPassed(long now) {
		return now - this.expiresAt >= 0;
	}

	TimeoutKind kind() {
		return this.kind;
	}

	/**
	 * Return the exception that reports this deadline's expiry.
	 * @param detail what was awaited, such as "no C-ECHO-RSP from STORESCP@host:104"
	 * @return the exception
	 */
	DicomTimeoutException expired(String detail) {
		return new DicomTimeoutException(this.kind, this.timeout,
				(this.phase != null) ? this.phase.activity() + ", " + detail : detail);
	}

}
