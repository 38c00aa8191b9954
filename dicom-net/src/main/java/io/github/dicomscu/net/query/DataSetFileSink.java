package io.github.dicomscu.net.query;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dicomscu.net.association.DataSetSink;

/**
 * Writes the data set of one incoming C-STORE-RQ into a temporary file as its fragments
 * arrive. A write failure does not end the association: the file is dropped, the remaining
 * fragments are skipped and the failure is kept, so that the C-STORE-RSP can report it.
 */
final class DataSetFileSink implements DataSetSink {

	private static final Logger logger = LoggerFactory.getLogger(DataSetFileSink.class);

	private Path file;

	private OutputStream out;

	private IOException failure;

	private boolean complete;

	@Override
	public void fragment(InputStream fragment, long length, boolean last) {
		if (this.failure != null) {
			return;
		}
		try {
			if (this.out == null) {
				this.file = Files.createTempFile("dicom-c-store-", ".dataset");
				this.out = new BufferedOutputStream(Files.newOutputStream(this.file), 64 * 1024);
			}
			fragment.transferTo(this.out);
			if (last) {
				this.out.close();
				this.complete = true;
			}
		}
		catch (IOException ex) {
			this.failure = ex;
			delete();
		}
	}

	/**
	 * Return whether the whole data set was written.
	 * @return whether complete
	 */
	boolean isComplete() {
		return this.complete;
	}

	/**
	 * Return the failure that stopped the writing.
	 * @return the failure, or {@code null}
	 */
	IOException failure() {
		return this.failure;
	}

	/**
	 * Return the file holding the data set.
	 * @return the file, valid once {@link #isComplete() complete} and until deleted
	 */
	Path file() {
		return this.file;
	}

	/**
	 * Close and delete the file, if any.
	 */
	void delete() {
		try {
			if (this.out != null) {
				this.out.close();
			}
			if (this.file != null) {
				Files.deleteIfExists(this.file);
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot delete the temporary file {}: {}", this.file, ex.getMessage());
		}
		this.complete = false;
	}

}
