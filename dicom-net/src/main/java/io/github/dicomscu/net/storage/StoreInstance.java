package io.github.dicomscu.net.storage;

import java.io.IOException;
import java.nio.file.Path;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.DataSetSource;

/**
 * A SOP instance to send with C-STORE: its SOP Class and Instance UID, the transfer
 * syntax its data set is encoded in, and a way to write that data set in a transfer
 * syntax the peer accepted.
 * <p>
 * An instance in one of the four uncompressed transfer syntaxes (Implicit VR Little
 * Endian, Explicit VR Little and Big Endian, Deflated Explicit VR Little Endian) can be
 * sent in any of them, converted on the way; any other (compressed) transfer syntax only
 * as itself.
 */
public interface StoreInstance {

	/**
	 * Return the SOP Class UID, the abstract syntax the instance is sent under.
	 * @return the UID
	 */
	String sopClassUid();

	/**
	 * Return the SOP Instance UID.
	 * @return the UID
	 */
	String sopInstanceUid();

	/**
	 * Return the transfer syntax the data set is encoded in, sent without conversion when
	 * the peer accepts it.
	 * @return the transfer syntax
	 */
	TransferSyntax transferSyntax();

	/**
	 * Prepare the data set for sending in a transfer syntax. Anything that can fail
	 * before the first byte is sent (opening or parsing a file) fails here, so that the
	 * C-STORE request is only sent for an instance that can be written whole.
	 * @param target the transfer syntax of the accepted presentation context; one for
	 * which {@link #canBeSentAs(TransferSyntax)} is {@code true}
	 * @return the source that writes the encoded data set
	 * @throws IllegalArgumentException if the instance cannot be sent in that syntax
	 * @throws IOException if the instance cannot be read
	 */
	DataSetSource sourceFor(TransferSyntax target) throws IOException;

	/**
	 * Return whether the instance can be sent in a transfer syntax: its own, or any
	 * uncompressed one if its own is uncompressed.
	 * @param target the transfer syntax
	 * @return whether {@link #sourceFor(TransferSyntax)} can write it
	 */
	default boolean canBeSentAs(TransferSyntax target) {
		return target.equals(transferSyntax()) || (isUncompressed(transferSyntax()) && isUncompressed(target));
	}

	/**
	 * Return whether the instance's transfer syntax is one of the four uncompressed ones,
	 * between which it can be converted.
	 * @return whether uncompressed
	 */
	default boolean isUncompressed() {
		return isUncompressed(transferSyntax());
	}

	/**
	 * Return an instance for a Part 10 file. The file is checked now, before any
	 * association is opened, with {@link DicomFile#scan(Path)}: its File Meta Information
	 * is read and its data set walked to the end of the file without loading values. The
	 * data set is sent as its raw bytes when the peer accepts the file's transfer syntax,
	 * and parsed (large values streamed from the file) and re-encoded when it is
	 * converted to another uncompressed one. Its SOP Class and Instance UID are those of
	 * the data set, (0008,0016) and (0008,0018), as DCMTK's storescu sends them: where
	 * the File Meta Information's Media Storage SOP Class or Instance UID differs, one
	 * WARN line says so; where the data set lacks one, the File Meta Information's is
	 * used.
	 * @param file the file
	 * @return the instance
	 * @throws DicomParseException if the file does not start with valid File Meta
	 * Information, has neither the data set's nor the Media Storage SOP Class or Instance
	 * UID, or its data set is truncated or malformed; the message names the byte offset
	 * @throws IOException if the file cannot be read
	 */
	static StoreInstance of(Path file) throws IOException {
		return new FileStoreInstance(file, DicomFile.scan(file));
	}

	/**
	 * Return an instance for a data set: SOP Class and Instance UID are read from it, and
	 * it counts as encoded in Explicit VR Little Endian, so that it can be sent in any of
	 * the uncompressed transfer syntaxes. Its large values may be
	 * {@linkplain io.github.dicomscu.data.BulkDataReference bulk data references}, which
	 * are streamed.
	 * @param dataSet the data set, without encapsulated pixel data
	 * @return the instance
	 * @throws IllegalArgumentException if the data set lacks SOP Class or Instance UID,
	 * or has encapsulated pixel data (use {@link #of(DataSet, TransferSyntax)})
	 */
	static StoreInstance of(DataSet dataSet) {
		return of(dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
	}

	/**
	 * Return an instance for a data set to be sent in a given transfer syntax: a
	 * compressed one for a data set with encapsulated pixel data (it is then only sent in
	 * that syntax), or an uncompressed one to say which the peer should preferably
	 * receive.
	 * @param dataSet the data set
	 * @param transferSyntax the transfer syntax
	 * @return the instance
	 * @throws IllegalArgumentException if the data set lacks SOP Class or Instance UID,
	 * or whether its pixel data is encapsulated does not match the transfer syntax
	 */
	static StoreInstance of(DataSet dataSet, TransferSyntax transferSyntax) {
		return new DataSetStoreInstance(dataSet, transferSyntax);
	}

	private static boolean isUncompressed(TransferSyntax transferSyntax) {
		return transferSyntax.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
				|| transferSyntax.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
				|| transferSyntax.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)
				|| transferSyntax.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
	}

}
