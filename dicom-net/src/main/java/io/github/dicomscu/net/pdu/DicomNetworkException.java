package io.github.dicomscu.net.pdu;

import java.io.IOException;

/**
 * Root of the engine's typed network failures: every error raised while connecting,
 * negotiating or exchanging messages with a peer is a subclass of this exception.
 */
public abstract class DicomNetworkException extends IOException {

	protected DicomNetworkException(String message) {
		super(message);
	}

	protected DicomNetworkException(String message, Throwable cause) {
		super(message, cause);
	}

}
