package io.github.dicomscu.net.scp;

/**
 * The rules for the capacity of a {@link DicomScp}: how many associations it serves at
 * once, overall and per calling AE title, and how many connections may await their
 * A-ASSOCIATE-RQ. Each limit is between 1 and {@value #MAXIMUM}. The one place that
 * checks them: everything that takes such a limit calls the check here.
 */
public final class ScpCapacity {

	/** Default maximum number of associations served at once. */
	public static final int DEFAULT_MAX_ASSOCIATIONS = 50;

	/** Default maximum number of associations served at once for one calling AE title. */
	public static final int DEFAULT_MAX_ASSOCIATIONS_PER_CALLING_AE_TITLE = 20;

	/** Default maximum number of connections awaiting their A-ASSOCIATE-RQ. */
	public static final int DEFAULT_MAX_PENDING_CONNECTIONS = 10;

	/** Largest value of any limit: each counts threads. */
	public static final int MAXIMUM = 10_000;

	private ScpCapacity() {
	}

	/**
	 * Check a maximum number of associations served at once.
	 * @param maxAssociations the limit
	 * @return the limit
	 * @throws IllegalArgumentException if it is not between 1 and {@value #MAXIMUM}
	 */
	public static int checkMaxAssociations(int maxAssociations) {
		return check("Maximum associations", maxAssociations);
	}

	/**
	 * Check a maximum number of associations served at once for one calling AE title.
	 * @param maxAssociations the limit
	 * @return the limit
	 * @throws IllegalArgumentException if it is not between 1 and {@value #MAXIMUM}
	 */
	public static int checkMaxAssociationsPerCallingAeTitle(int maxAssociations) {
		return check("Maximum associations per calling AE title", maxAssociations);
	}

	/**
	 * Check a maximum number of connections awaiting their A-ASSOCIATE-RQ.
	 * @param maxPendingConnections the limit
	 * @return the limit
	 * @throws IllegalArgumentException if it is not between 1 and {@value #MAXIMUM}
	 */
	public static int checkMaxPendingConnections(int maxPendingConnections) {
		return check("Maximum pending connections", maxPendingConnections);
	}

	private static int check(String what, int limit) {
		if (limit < 1 || limit > MAXIMUM) {
			throw new IllegalArgumentException(what + " " + limit + " must be between 1 and " + MAXIMUM);
		}
		return limit;
	}

}
