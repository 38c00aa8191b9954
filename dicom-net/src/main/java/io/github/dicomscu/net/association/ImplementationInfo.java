package io.github.dicomscu.net.association;

/**
 * The implementation class UID and version name this engine announces in every
 * A-ASSOCIATE request and response (PS3.7 D.3.3.2 and D.3.3.3).
 */
public final class ImplementationInfo {

	/** Implementation class UID: a UUID-derived UID under the 2.25 root. */
	public static final String CLASS_UID = "2.25.233527768643185985181591970881538371871";

	/** Implementation version name, at most 16 characters. */
	public static final String VERSION_NAME = "DICOMSCU_010";

	private ImplementationInfo() {
	}

}
