package io.github.dicomscu.data;

/**
 * The start of a Part 10 file: its File Meta Information, the transfer syntax it names
 * and the byte offset where the data set begins; after {@link DicomFile#scan} also the
 * data set's own SOP Class and Instance UID, which may differ from the File Meta
 * Information's.
 *
 * @param fileMeta the File Meta Information (group 0002)
 * @param transferSyntax the transfer syntax of the data set
 * @param dataSetOffset the offset of the first byte of the data set in the file
 * @param dataSetSopClassUid the SOP Class UID (0008,0016) of the data set, or
 * {@code null} if it was not read or is absent
 * @param dataSetSopInstanceUid the SOP Instance UID (0008,0018) of the data set, or
 * {@code null} if it was not read or is absent
 */
public record DicomFileHeader(DataSet fileMeta, TransferSyntax transferSyntax, long dataSetOffset,
		String dataSetSopClassUid, String dataSetSopInstanceUid) {

	/**
	 * Create a header whose data set has not been read.
	 * @param fileMeta the File Meta Information (group 0002)
	 * @param transferSyntax the transfer syntax of the data set
	 * @param dataSetOffset the offset of the first byte of the data set in the file
	 */
	public DicomFileHeader(DataSet fileMeta, TransferSyntax transferSyntax, long dataSetOffset) {
		this(fileMeta, transferSyntax, dataSetOffset, null, null);
	}

	/**
	 * Return the Media Storage SOP Class UID (0002,0002).
	 * @return the SOP class UID, or {@code null} if absent
	 */
	public String sopClassUid() {
		return this.fileMeta.getString(FileMetaInformation.TAG_MEDIA_STORAGE_SOP_CLASS_UID);
	}

	/**
	 * Return the Media Storage SOP Instance UID (0002,0003).
	 * @return the SOP instance UID, or {@code null} if absent
	 */
	public String sopInstanceUid() {
		return this.fileMeta.getString(FileMetaInformation.TAG_MEDIA_STORAGE_SOP_INSTANCE_UID);
	}

}
