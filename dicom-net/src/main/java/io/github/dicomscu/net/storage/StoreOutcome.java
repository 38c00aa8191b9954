package io.github.dicomscu.net.storage;

/**
 * What became of one instance sent with C-STORE.
 */
public enum StoreOutcome {

	/** The peer stored the instance (status 0000). */
	SUCCESS,

	/**
	 * The peer stored the instance with a warning (status 0001 or Bxxx), such as
	 * coercion.
	 */
	WARNING,

	/**
	 * The peer answered with a failure status and did not store the instance, or its
	 * answer names another SOP Instance UID than the one sent.
	 */
	FAILURE,

	/**
	 * The instance was not sent: no accepted presentation context fits it, or it could
	 * not be read. The association went on with the next instance.
	 */
	NOT_SENT,

	/**
	 * The association was lost while the instance was sent or its response awaited, or
	 * before its turn came: whether the peer stored it is unknown.
	 */
	UNCONFIRMED;

	/**
	 * Return whether the peer confirmed that it stored the instance.
	 * @return {@code true} for {@link #SUCCESS} and {@link #WARNING}
	 */
	public boolean isStored() {
		return this == SUCCESS || this == WARNING;
	}

}
