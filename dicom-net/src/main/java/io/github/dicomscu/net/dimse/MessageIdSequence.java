package io.github.dicomscu.net.dimse;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Source of Message IDs (0000,0110) for the requests sent on one association. Values run
 * from 1 to 65535 and then start again at 1, so 0 is never used; concurrent callers never
 * receive the same value within one cycle of 65535.
 */
public final class MessageIdSequence {

	private static final int FIRST = 1;

	private static final int LAST = 0xFFFF;

	private final AtomicInteger nextId = new AtomicInteger(FIRST);

	/**
	 * Return the next Message ID. Thread-safe.
	 * @return the ID, 1 to 65535
	 */
	public int next() {
		return this.nextId.getAndUpdate((id) -> (id == LAST) ? FIRST : id + 1);
	}

}
