package io.github.dicomscu.data;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A main for a child JVM with little heap: reads a data set from a file as a stream, as
 * it would arrive from the network, and prints how the read ended. Exits 0 after a
 * {@link DicomParseException}, 2 if the data set was read, 1 on anything else.
 */
public final class HostileInputParser {

	private HostileInputParser() {
	}

	/**
	 * Read one data set.
	 * @param args the transfer syntax UID and the file
	 */
	public static void main(String[] args) {
		int status;
		try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
			new DataSetReader(TransferSyntax.of(args[0])).read(in);
			System.out.println("read");
			status = 2;
		}
		catch (DicomParseException ex) {
			System.out.println("DicomParseException: " + ex.getMessage());
			status = 0;
		}
		catch (Throwable ex) {
			System.out.println(ex);
			status = 1;
		}
		System.exit(status);
	}

}
