package io.github.dicomscu.net.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.storage.ReceivedInstance;

/**
 * Takes the instances that C-STORE sub-operations of a C-GET deliver, one at a time, and
 * decides the status of each C-STORE-RSP.
 * <p>
 * An {@link IOException} thrown by {@link #receive(ReceivedInstance)} is answered with
 * {@link Status#OUT_OF_RESOURCES}, a {@link io.github.dicomscu.data.DicomParseException}
 * (a malformed data set) and a runtime exception with {@link Status#CANNOT_UNDERSTAND};
 * the C-GET continues either way.
 */
@FunctionalInterface
public interface StoreReceiver {

	/**
	 * Take one instance. Its Part 10 file is deleted when this method returns, so copy or
	 * move what should be kept.
	 * @param instance the instance
	 * @return the C-STORE-RSP status, normally {@link Status#SUCCESS}
	 * @throws IOException if the instance cannot be kept
	 */
	int receive(ReceivedInstance instance) throws IOException;

	/**
	 * Return a receiver that moves each instance's Part 10 file into a directory, named
	 * after its SOP Instance UID with the extension {@code .dcm}, replacing a file of
	 * that name. The directory is created if missing. An instance whose UID is not made
	 * of digits and dots is refused with {@link Status#CANNOT_UNDERSTAND}.
	 * @param directory the directory
	 * @return the receiver
	 */
	static StoreReceiver toDirectory(Path directory) {
		Objects.requireNonNull(directory, "directory");
		return (instance) -> {
			String uid = instance.sopInstanceUid();
			boolean safeName = uid.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'))
					&& uid.chars().anyMatch((c) -> c != '.');
			if (!safeName) {
				return Status.CANNOT_UNDERSTAND;
			}
			Files.createDirectories(directory);
			Files.move(instance.file(), directory.resolve(uid + ".dcm"), StandardCopyOption.REPLACE_EXISTING);
			return Status.SUCCESS;
		};
	}

}
