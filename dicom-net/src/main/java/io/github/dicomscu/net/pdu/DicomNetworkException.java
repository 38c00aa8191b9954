package io.github.dicomscu.net.pdu;

import java.io.IOException;

import io.github.dicomscu.data.PrintableText;

/**
 * Root of the engine's typed network failures: every error raised while connecting,
 * negotiating or exchanging messages with a peer is a subclass of this exception. The
 * message may quote text from the wire (AE titles, UIDs, error comments); its control
 * characters are escaped ({@link PrintableText#escapeControls(String)}) when the
 * exception is created, so that a logged stack trace stays one line per frame.
 */
public abstract class DicomNetworkException extends IOException {

	protected DicomNetworkException(String message) {
		super(PrintableText.escapeControls(message));
	}

	protected DicomNetworkException(String message, Throwable cause) {
		super(PrintableText.escapeControls(message), cause);
	}

}
