package io.github.dicomscu.net.pdu;

/**
 * The rule for presentation context identifiers (PS3.8 section 7.1.1.13): odd integers
 * between 1 and 255.
 */
final class PresentationContextId {

	private PresentationContextId() {
	}

	static boolean isValid(int id) {
		return id >= 1 && id <= 255 && (id & 1) == 1;
	}

	static void check(int id) {
		if (!isValid(id)) {
			throw new IllegalArgumentException(
					"Presentation context id " + id + " is not an odd number between 1 and 255");
		}
	}

}
