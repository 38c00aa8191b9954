package io.github.dicomscu.net.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;

/**
 * The Query/Retrieve fixtures of the dicom-net test-jar, package-private there, opened to the
 * tests of this module: DCMTK's {@code dcmqrscp} loaded with the sample archive
 * ({@link DcmqrscpArchive}, {@link SampleArchive}), and the steps of a scripted Query/Retrieve
 * peer ({@link DimseScript}).
 */
public final class QueryRetrieveFixtures {

	/** The AE title of the archive. */
	public static final String ARCHIVE_AE_TITLE = DcmqrscpArchive.AE_TITLE;

	private QueryRetrieveFixtures() {
	}

	/**
	 * Configure, start and load {@code dcmqrscp}.
	 * @param directory a working directory
	 * @param moveDestinations AE titles the archive may move to, with their loopback ports
	 * @return the running archive
	 * @throws IOException if the files cannot be written
	 */
	public static Archive startArchive(Path directory, Map<String, Integer> moveDestinations) throws IOException {
		return new Archive(DcmqrscpArchive.start(directory, moveDestinations));
	}

	/**
	 * Return the instances the archive holds: two patients, three studies, four series, seven
	 * images.
	 * @return the instances, in series order
	 */
	public static List<Instance> instances() {
		return SampleArchive.images()
			.stream()
			.map((image) -> new Instance(image.series().study().patient().id(), image.series().study().uid(),
					image.series().uid(), image.sopClassUid(), image.sopInstanceUid(), image.dataSet()))
			.toList();
	}

	/**
	 * Read the A-ASSOCIATE-RQ and accept every context with its first transfer syntax.
	 * @param in the peer's input
	 * @param out the peer's output
	 * @throws IOException if the exchange fails
	 */
	public static void accept(InputStream in, OutputStream out) throws IOException {
		DimseScript.accept(in, out);
	}

	/**
	 * Read one DIMSE message.
	 * @param in the peer's input
	 * @return the message
	 * @throws IOException if reading fails
	 */
	public static Message read(InputStream in) throws IOException {
		DimseScript.Message message = DimseScript.read(in);
		return new Message(message.contextId(), message.command(), message.dataSet());
	}

	/**
	 * Send a response on a request's context.
	 * @param out the peer's output
	 * @param request the request
	 * @param status the status
	 * @param errorComment the Error Comment, or {@code null}
	 * @param dataSet the encoded data set, or {@code null}
	 * @throws IOException if writing fails
	 */
	public static void respond(OutputStream out, Message request, int status, String errorComment, byte[] dataSet)
			throws IOException {
		Command response = DimseScript.response(new DimseScript.Message(request.contextId(), request.command(),
				request.dataSet(), List.of()), status);
		if (errorComment != null) {
			response.putString(CommandTag.ERROR_COMMENT, errorComment);
		}
		DimseScript.send(out, request.contextId(), response, dataSet);
	}

	/**
	 * Wait for the A-RELEASE-RQ and answer it.
	 * @param in the peer's input
	 * @param out the peer's output
	 * @throws IOException if another PDU arrives
	 */
	public static void release(InputStream in, OutputStream out) throws IOException {
		DimseScript.release(in, out);
	}

	/**
	 * {@code dcmqrscp} loaded with the sample archive.
	 */
	public static final class Archive implements AutoCloseable {

		private final DcmqrscpArchive archive;

		private Archive(DcmqrscpArchive archive) {
			this.archive = archive;
		}

		/**
		 * Return the port the archive listens on, on the loopback address.
		 * @return the port
		 */
		public int port() {
			return this.archive.port();
		}

		/**
		 * Return what {@code dcmqrscp} printed.
		 * @return the output
		 */
		public String output() {
			return this.archive.output();
		}

		@Override
		public void close() {
			this.archive.close();
		}

	}

	/**
	 * One image of the archive.
	 *
	 * @param patientId its Patient ID
	 * @param studyInstanceUid its study
	 * @param seriesInstanceUid its series
	 * @param sopClassUid its SOP class (CT or MR Image Storage)
	 * @param sopInstanceUid its SOP instance UID
	 * @param dataSet its data set
	 */
	public record Instance(String patientId, String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
			String sopInstanceUid, DataSet dataSet) {
	}

	/**
	 * A DIMSE message a scripted peer read.
	 *
	 * @param contextId the presentation context it came on
	 * @param command the command set
	 * @param dataSet the data set bytes, or {@code null}
	 */
	public record Message(int contextId, Command command, byte[] dataSet) {
	}

}
