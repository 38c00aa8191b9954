package io.github.dicomscu.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DataSetWriter;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.Fragments;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.VR;
import io.github.dicomscu.net.dimse.Command;
import io.github.dicomscu.net.dimse.CommandTag;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.dimse.Status;
import io.github.dicomscu.net.pdu.Abort;
import io.github.dicomscu.net.pdu.AbortReason;
import io.github.dicomscu.net.pdu.AssociateAc;
import io.github.dicomscu.net.pdu.AssociateRj;
import io.github.dicomscu.net.pdu.AssociateRq;
import io.github.dicomscu.net.pdu.AsyncOperationsWindow;
import io.github.dicomscu.net.pdu.PDataTf;
import io.github.dicomscu.net.pdu.PduEncoder;
import io.github.dicomscu.net.pdu.PresentationContextAc;
import io.github.dicomscu.net.pdu.PresentationContextResult;
import io.github.dicomscu.net.pdu.PresentationContextRq;
import io.github.dicomscu.net.pdu.PresentationDataValue;
import io.github.dicomscu.net.pdu.RejectReason;
import io.github.dicomscu.net.pdu.RejectResult;
import io.github.dicomscu.net.pdu.ReleaseRp;
import io.github.dicomscu.net.pdu.ReleaseRq;
import io.github.dicomscu.net.pdu.RoleSelection;
import io.github.dicomscu.net.pdu.SopClassCommonExtendedNegotiation;
import io.github.dicomscu.net.pdu.SopClassExtendedNegotiation;
import io.github.dicomscu.net.pdu.UserIdentityAc;
import io.github.dicomscu.net.pdu.UserIdentityRq;
import io.github.dicomscu.net.pdu.UserInformation;

/**
 * Valid encodings the fuzz targets start from: every PDU type, the DIMSE command sets the
 * engine sends and receives, a data set with sequences, strings, numbers and pixel data
 * in each transfer syntax, and Part 10 files. All are produced by the project's own
 * encoders, so a seed that stops decoding shows a broken round trip, not a broken seed.
 */
final class FuzzSeeds {

	static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";

	static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";

	static final String STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";

	static final TransferSyntax ENCAPSULATED_UNCOMPRESSED = TransferSyntax.of("1.2.840.10008.1.2.1.98");

	private FuzzSeeds() {
	}

	static List<byte[]> pdus() {
		UserInformation requestInformation = UserInformation.builder()
			.maximumLength(16382)
			.implementationClassUid("2.25.123456789012345")
			.asyncOperationsWindow(new AsyncOperationsWindow(5, 3))
			.roleSelection(new RoleSelection(STUDY_ROOT_GET, false, true))
			.implementationVersionName("DICOMSCU_010")
			.extendedNegotiation(new SopClassExtendedNegotiation(STUDY_ROOT_FIND, new byte[] { 1, 0, 1 }))
			.commonExtendedNegotiation(new SopClassCommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.88.40",
					"1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.1.88.22")))
			.userIdentityRq(UserIdentityRq.usernameAndPasscode("alice", "s3cret", true))
			.build();
		AssociateRq request = new AssociateRq(AssociateRq.PROTOCOL_VERSION, "STORESCP", "STORESCU",
				AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
				List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")),
						new PresentationContextRq(3, CT_IMAGE_STORAGE,
								List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"))),
				requestInformation);
		AssociateAc accept = new AssociateAc(AssociateRq.PROTOCOL_VERSION, "STORESCP", "STORESCU",
				AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
				List.of(new PresentationContextAc(1, PresentationContextResult.ACCEPTANCE, "1.2.840.10008.1.2"),
						new PresentationContextAc(3, PresentationContextResult.USER_REJECTION, null),
						new PresentationContextAc(5, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, null)),
				UserInformation.builder()
					.maximumLength(0)
					.implementationClassUid("1.2.3")
					.asyncOperationsWindow(new AsyncOperationsWindow(1, 1))
					.roleSelection(new RoleSelection(STUDY_ROOT_GET, true, true))
					.extendedNegotiation(new SopClassExtendedNegotiation(STUDY_ROOT_FIND, new byte[] { 1 }))
					.userIdentityAc(new UserIdentityAc(new byte[] { 0x0A, 0x0B, 0x0C, 0x0D }))
					.build());
		PDataTf data = new PDataTf(List.of(new PresentationDataValue(1, true, true, Command.echoRq(7).encode()),
				new PresentationDataValue(3, false, false, new byte[] { (byte) 0xAA, (byte) 0xBB, (byte) 0xCC })));
		return List.of(PduEncoder.encode(request), PduEncoder.encode(accept),
				PduEncoder.encode(AssociateRj.of(RejectResult.PERMANENT, RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED)),
				PduEncoder.encode(data), PduEncoder.encode(new ReleaseRq()), PduEncoder.encode(new ReleaseRp()),
				PduEncoder.encode(Abort.byServiceProvider(AbortReason.INVALID_PDU_PARAMETER_VALUE)));
	}

	static List<byte[]> pduStreams() {
		List<byte[]> pdus = pdus();
		Command store = Command.storeRq(3, CT_IMAGE_STORAGE, "1.2.3.4.5", Priority.MEDIUM);
		byte[] dataSet = new DataSetWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toByteArray(image(false));
		int half = dataSet.length / 2;
		byte[] storeMessage = concat(
				PduEncoder.encode(new PDataTf(List.of(new PresentationDataValue(3, true, true, store.encode())))),
				PduEncoder.encode(new PDataTf(
						List.of(new PresentationDataValue(3, false, false, Arrays.copyOfRange(dataSet, 0, half)),
								new PresentationDataValue(3, false, true,
										Arrays.copyOfRange(dataSet, half, dataSet.length))))));
		return List.of(concat(pdus.get(0), pdus.get(3), pdus.get(4)), concat(pdus.get(1), storeMessage, pdus.get(5)),
				concat(storeMessage, pdus.get(6)));
	}

	static List<byte[]> commands() {
		Command store = Command.storeRq(3, CT_IMAGE_STORAGE, "1.2.3.4.5", Priority.HIGH);
		Command getResponse = Command.getRq(9, STUDY_ROOT_GET, Priority.MEDIUM)
			.putUS(CommandTag.NUMBER_OF_REMAINING_SUBOPERATIONS, 2)
			.putUS(CommandTag.NUMBER_OF_COMPLETED_SUBOPERATIONS, 5)
			.putUS(CommandTag.NUMBER_OF_FAILED_SUBOPERATIONS, 1)
			.putUS(CommandTag.NUMBER_OF_WARNING_SUBOPERATIONS, 0)
			.putString(CommandTag.ERROR_COMMENT, "one failed");
		return List.of(Command.echoRq(1).encode(), Command.echoRsp(1, Status.SUCCESS).encode(), store.encode(),
				Command.storeRsp(store, Status.SUCCESS).encode(),
				Command.findRq(4, STUDY_ROOT_FIND, Priority.LOW).encode(), getResponse.encode(),
				Command.moveRq(5, STUDY_ROOT_MOVE, Priority.MEDIUM, "STORESCU").encode(), Command.cancelRq(4).encode());
	}

	static List<byte[]> dataSets(TransferSyntax transferSyntax) {
		DataSetWriter writer = new DataSetWriter(transferSyntax);
		List<byte[]> seeds = new ArrayList<>();
		for (DataSet dataSet : List.of(image(transferSyntax.isEncapsulated()), query(), new DataSet())) {
			seeds.add(writer.toByteArray(dataSet));
		}
		return seeds;
	}

	static List<byte[]> files() {
		List<byte[]> seeds = new ArrayList<>();
		for (TransferSyntax transferSyntax : List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
				TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
				TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, ENCAPSULATED_UNCOMPRESSED)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				DicomFile.write(out, null, image(transferSyntax.isEncapsulated()), transferSyntax.uid());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			seeds.add(out.toByteArray());
		}
		return seeds;
	}

	/**
	 * Compress bytes with raw deflate, as Deflated Explicit VR Little Endian requires.
	 * @param bytes the bytes
	 * @return the deflated bytes
	 */
	static byte[] deflate(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			deflater.setInput(bytes);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static DataSet image(boolean encapsulated) {
		DataSet dataSet = new DataSet();
		dataSet.setString("SpecificCharacterSet", "ISO_IR 100");
		dataSet.setString("SOPClassUID", CT_IMAGE_STORAGE);
		dataSet.setString("SOPInstanceUID", "1.2.3.4.5");
		DataSet referenced = new DataSet().setString("ReferencedSOPClassUID", CT_IMAGE_STORAGE)
			.setString("ReferencedSOPInstanceUID", "1.2.3.4");
		DataSet nested = new DataSet().setString("CodeValue", "T-D1100")
			.setSequence("ConceptNameCodeSequence",
					List.of(new DataSet().setString("CodeMeaning", "Head"), new DataSet()));
		dataSet.setSequence("ReferencedImageSequence", List.of(referenced, nested));
		dataSet.setSequence("ProcedureCodeSequence", List.of());
		dataSet.setString("PatientName", "Müller^Hans");
		dataSet.setDouble("DiffusionBValue", 1000.0);
		dataSet.setInt("InStackPositionNumber", 258);
		dataSet.setInt("DimensionIndexPointer", 0x00200032);
		dataSet.setInt("Rows", 2);
		dataSet.setInt("Columns", 2);
		dataSet.setInt("PixelRepresentation", 1);
		dataSet.setInt("SmallestImagePixelValue", -4);
		dataSet.setString("PixelSpacing", "0.5", "0.25");
		dataSet.setBytes(0x00091010, VR.UN, new byte[] { 9, 8, 7, 6 });
		byte[] pixels = { 1, 2, 3, 4, 5, 6, 7, 8 };
		if (encapsulated) {
			dataSet.setFragments(0x7FE00010, new Fragments(new byte[0]).add(pixels));
		}
		else {
			dataSet.setBytes(0x7FE00010, VR.OW, pixels);
		}
		return dataSet;
	}

	private static DataSet query() {
		return new DataSet().setString("QueryRetrieveLevel", "STUDY")
			.setString("PatientName", "DOE*")
			.setString("StudyDate", "20240101-20241231")
			.setString("StudyInstanceUID", "")
			.setString("ModalitiesInStudy", "CT", "MR");
	}

}
