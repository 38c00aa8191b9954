package io.github.dicomscu.net.scp;

import java.util.HashMap;
import java.util.Map;

/**
 * The associations a {@link DicomScp} serves, counted overall and per calling AE title
 * against their limits. Thread-safe.
 */
final class AssociationSlots {

	private final int maxAssociations;

	private final int maxPerCallingAeTitle;

	private final Map<String, Integer> perCallingAeTitle = new HashMap<>();

	private int total;

	AssociationSlots(int maxAssociations, int maxPerCallingAeTitle) {
		this.maxAssociations = maxAssociations;
		this.maxPerCallingAeTitle = maxPerCallingAeTitle;
	}

	/**
	 * Return the maximum number of associations overall.
	 * @return the limit
	 */
	int maxAssociations() {
		return this.maxAssociations;
	}

	/**
	 * Return the maximum number of associations for one calling AE title.
	 * @return the limit
	 */
	int maxPerCallingAeTitle() {
		return this.maxPerCallingAeTitle;
	}

	/**
	 * Take a slot for an association from a calling AE title, if both limits allow it.
	 * @param callingAeTitle the calling AE title
	 * @return whether a slot was taken
	 */
	synchronized boolean acquire(String callingAeTitle) {
		int count = this.perCallingAeTitle.getOrDefault(callingAeTitle, 0);
		if (this.total >= this.maxAssociations || count >= this.maxPerCallingAeTitle) {
			return false;
		}
		this.perCallingAeTitle.put(callingAeTitle, count + 1);
		this.total++;
		return true;
	}

	/**
	 * Give back a slot taken by {@link #acquire(String)}.
	 * @param callingAeTitle the calling AE title it was taken for
	 */
	synchronized void release(String callingAeTitle) {
		this.perCallingAeTitle.computeIfPresent(callingAeTitle, (title, count) -> (count > 1) ? count - 1 : null);
		this.total--;
	}

}
