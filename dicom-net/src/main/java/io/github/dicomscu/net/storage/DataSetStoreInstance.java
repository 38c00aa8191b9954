package io.github.dicomscu.net.storage;

import java.util.Objects;

import io.github.dicomscu.data.Attribute;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.PrintableText;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.DataSetSource;

/**
 * A data set to send, encoded by {@link DataSetWriter} while it is sent.
 */
final class DataSetStoreInstance implements StoreInstance {

	private static final int SOP_CLASS_UID = 0x00080016;

	private static final int SOP_INSTANCE_UID = 0x00080018;

	private static final int PIXEL_DATA = 0x7FE00010;

	private final DataSet dataSet;

	private final TransferSyntax transferSyntax;

	private final String sopClassUid;

	private final String sopInstanceUid;

	DataSetStoreInstance(DataSet dataSet, TransferSyntax transferSyntax) {
		this.dataSet = Objects.requireNonNull(dataSet, "Data set must not be null");
		this.transferSyntax = Objects.requireNonNull(transferSyntax, "Transfer syntax must not be null");
		this.sopClassUid = required(dataSet, SOP_CLASS_UID, "SOP Class UID (0008,0016)");
		this.sopInstanceUid = required(dataSet, SOP_INSTANCE_UID, "SOP Instance UID (0008,0018)");
		Attribute pixelData = dataSet.get(PIXEL_DATA);
		boolean encapsulated = pixelData != null && pixelData.isFragments();
		if (encapsulated && !transferSyntax.isEncapsulated()) {
			throw new IllegalArgumentException("The data set " + PrintableText.escapeControls(this.sopInstanceUid)
					+ " has encapsulated pixel data; "
					+ "give the compressed transfer syntax it is encoded in instead of " + transferSyntax);
		}
		if (!encapsulated && pixelData != null && transferSyntax.isEncapsulated()) {
			throw new IllegalArgumentException("The data set " + PrintableText.escapeControls(this.sopInstanceUid)
					+ " has native pixel data, which " + transferSyntax + " cannot carry");
		}
	}

	private static String required(DataSet dataSet, int tag, String name) {
		String uid = dataSet.getString(tag);
		if (uid == null || uid.isEmpty()) {
			throw new IllegalArgumentException("The data set to store has no " + name);
		}
		return uid;
	}

	@Override
	public String sopClassUid() {
		return this.sopClassUid;
	}

	@Override
	public String sopInstanceUid() {
		return this.sopInstanceUid;
	}

	@Override
	public TransferSyntax transferSyntax() {
		return this.transferSyntax;
	}

	@Override
	public DataSetSource sourceFor(TransferSyntax target) {
		if (!canBeSentAs(target)) {
			throw new IllegalArgumentException(
					this + " is encoded in " + this.transferSyntax + " and cannot be sent as " + target);
		}
		DataSetWriter writer = new DataSetWriter(target);
		return (out) -> FlushIgnoringOutputStream.write(writer, this.dataSet, out);
	}

	@Override
	public String toString() {
		return "data set " + PrintableText.escapeControls(this.sopInstanceUid);
	}

}
