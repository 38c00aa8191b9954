package io.github.dicomscu.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import io.github.dicomscu.data.DataSetReader;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.DicomParseException;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.pdu.DicomProtocolException;
import io.github.dicomscu.net.pdu.PduDecoder;
import io.github.dicomscu.net.pdu.PduType;

/**
 * A decoder under fuzzing: its valid seed encodings, how one input is decoded, and which
 * exception its API documents for input it refuses. Anything else it throws, an
 * {@link Error} included, is a failure.
 */
enum FuzzTarget {

	/** {@link PduDecoder#decode(byte[], long)}: one PDU of any type. */
	PDU(DicomProtocolException.class, FuzzSeeds::pdus) {
		@Override
		void decode(byte[] input, Path scratch) throws Exception {
			PduDecoder.decode(input, MAXIMUM_RECEIVE_LENGTH);
		}
	},

	/**
	 * A {@link PduDecoder} over a stream of PDUs, read as an association does:
	 * {@link PduDecoder#nextType()}, then P-DATA-TF values through
	 * {@link PduDecoder#readPresentationDataValues} with their fragments read byte by
	 * byte and in chunks, every other PDU through {@link PduDecoder#read()}.
	 */
	PDU_STREAM(DicomProtocolException.class, FuzzSeeds::pduStreams) {
		@Override
		void decode(byte[] input, Path scratch) throws Exception {
			PduDecoder decoder = new PduDecoder(new ByteArrayInputStream(input), MAXIMUM_RECEIVE_LENGTH);
			byte[] chunk = new byte[7];
			for (PduType next = decoder.nextType(); next != null; next = decoder.nextType()) {
				if (next != PduType.P_DATA_TF) {
					decoder.read();
					continue;
				}
				decoder.readPresentationDataValues((contextId, command, last, fragment, length) -> {
					if (fragment.read() >= 0) {
						while (fragment.read(chunk, 0, chunk.length) > 0) {
							continue;
						}
					}
				});
			}
		}
	},

	/** {@link Command#decode(byte[])}: a DIMSE command set. */
	COMMAND(DicomProtocolException.class, FuzzSeeds::commands) {
		@Override
		void decode(byte[] input, Path scratch) throws Exception {
			Command.decode(input);
		}
	},

	/** {@link DataSetReader#read(byte[])} in Implicit VR Little Endian. */
	IMPLICIT_VR_LITTLE_ENDIAN(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),

	/** {@link DataSetReader#read(byte[])} in Explicit VR Little Endian. */
	EXPLICIT_VR_LITTLE_ENDIAN(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),

	/** {@link DataSetReader#read(byte[])} in Explicit VR Big Endian. */
	EXPLICIT_VR_BIG_ENDIAN(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN),

	/**
	 * {@link DataSetReader#read(byte[])} in Encapsulated Uncompressed Explicit VR Little
	 * Endian: pixel data as fragments.
	 */
	ENCAPSULATED_UNCOMPRESSED(FuzzSeeds.ENCAPSULATED_UNCOMPRESSED),

	/**
	 * {@link DataSetReader#read(byte[])} in Deflated Explicit VR Little Endian, the input
	 * being the compressed bytes: broken deflate streams.
	 */
	DEFLATED(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN),

	/**
	 * {@link DataSetReader#read(byte[])} in Deflated Explicit VR Little Endian, the input
	 * being the data set before compression: valid deflate streams of broken data sets.
	 */
	DEFLATED_CONTENT(DicomParseException.class, () -> FuzzSeeds.dataSets(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
		@Override
		void decode(byte[] input, Path scratch) throws Exception {
			new DataSetReader(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).read(FuzzSeeds.deflate(input));
		}
	},

	/**
	 * {@link DicomFile#read(Path, long)} of a Part 10 file, with a small bulk data
	 * threshold so that values left in the file are exercised too.
	 */
	PART10(DicomParseException.class, FuzzSeeds::files) {
		@Override
		void decode(byte[] input, Path scratch) throws Exception {
			Files.write(scratch, input);
			DicomFile.read(scratch, BULK_DATA_THRESHOLD);
		}
	};

	/**
	 * The largest P-DATA-TF PDU length the PDU target accepts, as an SCP announces it.
	 */
	static final long MAXIMUM_RECEIVE_LENGTH = 16384;

	private static final long BULK_DATA_THRESHOLD = 16;

	private final Class<? extends IOException> documented;

	private final Supplier<List<byte[]>> seeds;

	private final TransferSyntax transferSyntax;

	FuzzTarget(TransferSyntax transferSyntax) {
		this(DicomParseException.class, () -> FuzzSeeds.dataSets(transferSyntax), transferSyntax);
	}

	FuzzTarget(Class<? extends IOException> documented, Supplier<List<byte[]>> seeds) {
		this(documented, seeds, null);
	}

	FuzzTarget(Class<? extends IOException> documented, Supplier<List<byte[]>> seeds, TransferSyntax transferSyntax) {
		this.documented = documented;
		this.seeds = seeds;
		this.transferSyntax = transferSyntax;
	}

	/**
	 * Return the valid encodings mutations start from.
	 * @return the seeds, each of which decodes
	 */
	List<byte[]> seeds() {
		return this.seeds.get();
	}

	/**
	 * Decode one input; the data set targets read it in their transfer syntax.
	 * @param input the bytes
	 * @param scratch a file the target may write the input to, for file readers
	 * @throws Exception whatever the decoder throws
	 */
	void decode(byte[] input, Path scratch) throws Exception {
		new DataSetReader(this.transferSyntax).read(input);
	}

	/**
	 * Decode one input and classify how it ended.
	 * @param input the bytes
	 * @param scratch a file the target may write the input to
	 * @return {@code true} if it decoded, {@code false} if the decoder refused it with
	 * its documented exception
	 * @throws Throwable anything else the decoder threw: a failure
	 */
	boolean accepts(byte[] input, Path scratch) throws Throwable {
		try {
			decode(input, scratch);
			return true;
		}
		catch (Exception ex) {
			if (this.documented.isInstance(ex)) {
				return false;
			}
			throw ex;
		}
	}

}
