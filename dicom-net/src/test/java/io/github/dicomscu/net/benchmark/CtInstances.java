package io.github.dicomscu.net.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dicomscu.data.BulkDataReference;
import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.DicomFile;
import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.data.VR;

/**
 * Generated CT Image Storage instances for the storage tests and benchmarks: a realistic
 * set of attributes (text in ISO_IR 100, a sequence, numbers of several VRs) and 16-bit
 * pixel data, written as Part 10 files in any uncompressed transfer syntax.
 */
public final class CtInstances {

	/** CT Image Storage. */
	public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

	private static final String UID_ROOT = "2.25.";

	private static final int PIXEL_DATA = 0x7FE00010;

	private static final AtomicLong sequence = new AtomicLong();

	private CtInstances() {
	}

	/**
	 * Return a CT data set with {@code frames} frames of 512 x 512 16-bit pixels held in
	 * memory (512 KiB per frame).
	 * @param index makes the pixel values distinct (the SOP Instance UID is always new)
	 * @param frames the number of frames
	 * @return the data set
	 */
	public static DataSet dataSet(int index, int frames) {
		DataSet dataSet = attributes(index, frames);
		byte[] pixels = new byte[512 * 512 * 2 * frames];
		new Random(index).nextBytes(pixels);
		dataSet.setBytes(PIXEL_DATA, VR.OW, pixels);
		return dataSet;
	}

	/**
	 * Write {@code count} new single-frame instances (512 KiB of pixel data each) as
	 * files {@code ct-<n>.dcm}.
	 * @param directory the directory
	 * @param count how many
	 * @param transferSyntax the transfer syntax of the files
	 * @return the files, in order
	 * @throws IOException if writing fails
	 */
	public static List<Path> write(Path directory, int count, TransferSyntax transferSyntax) throws IOException {
		Files.createDirectories(directory);
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Path file = directory.resolve(String.format("ct-%04d.dcm", i));
			DicomFile.write(file, dataSet(i, 1), transferSyntax.uid());
			files.add(file);
		}
		return files;
	}

	/**
	 * Write one multi-frame instance of about {@code pixelBytes} bytes of pixel data
	 * (rounded down to whole 512 KiB frames) in Explicit VR Little Endian, streaming the
	 * pixel data from a sparse file, so that no more than a buffer of it is in memory.
	 * @param file the file to write
	 * @param pixelBytes the pixel data length wanted
	 * @return the file
	 * @throws IOException if writing fails
	 */
	public static Path writeLarge(Path file, long pixelBytes) throws IOException {
		int frames = (int) (pixelBytes / (512 * 512 * 2));
		long length = (long) frames * 512 * 512 * 2;
		Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
		Path raw = Files.createTempFile(directory, "pixels-", ".raw");
		try {
			try (RandomAccessFile pixels = new RandomAccessFile(raw.toFile(), "rw")) {
				pixels.setLength(length);
				pixels.write(new byte[] { 1, 2, 3, 4 });
				pixels.seek(length - 4);
				pixels.write(new byte[] { 5, 6, 7, 8 });
			}
			DataSet dataSet = attributes(0, frames).setBulkData(PIXEL_DATA, VR.OW,
					new BulkDataReference(raw, 0, length, ByteOrder.LITTLE_ENDIAN));
			DicomFile.write(file, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
		}
		finally {
			Files.deleteIfExists(raw);
		}
		return file;
	}

	private static DataSet attributes(int index, int frames) {
		DataSet dataSet = new DataSet();
		dataSet.setString("SpecificCharacterSet", "ISO_IR 100");
		dataSet.setString("ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
		dataSet.setString("SOPClassUID", CT_IMAGE_STORAGE);
		long instance = ProcessHandle.current().pid() * 1_000_000L + sequence.incrementAndGet();
		dataSet.setString("SOPInstanceUID", UID_ROOT + instance);
		dataSet.setString("StudyDate", "20240101");
		dataSet.setString("Modality", "CT");
		dataSet.setString("Manufacturer", "dicom-scu tests");
		dataSet.setString("PatientName", "Müller^Jörg");
		dataSet.setString("PatientID", "P" + index);
		dataSet.setString("PatientBirthDate", "19700101");
		dataSet.setString("PatientSex", "O");
		DataSet item = new DataSet().setString("ReferencedSOPClassUID", CT_IMAGE_STORAGE)
			.setString("ReferencedSOPInstanceUID", UID_ROOT + "42");
		dataSet.setSequence("ReferencedImageSequence", List.of(item));
		dataSet.setString("SliceThickness", "1.25");
		dataSet.setString("KVP", "120");
		dataSet.setDouble("SpiralPitchFactor", 0.984375);
		dataSet.setString("StudyInstanceUID", UID_ROOT + "7");
		dataSet.setString("SeriesInstanceUID", UID_ROOT + "8");
		dataSet.setString("InstanceNumber", Integer.toString(index + 1));
		dataSet.setString("ImagePositionPatient", "-250", "-250", Integer.toString(-index));
		dataSet.setString("ImageOrientationPatient", "1", "0", "0", "0", "1", "0");
		dataSet.setString("FrameOfReferenceUID", UID_ROOT + "9");
		dataSet.setInt("SamplesPerPixel", 1);
		dataSet.setString("PhotometricInterpretation", "MONOCHROME2");
		if (frames > 1) {
			dataSet.setString("NumberOfFrames", Integer.toString(frames));
		}
		dataSet.setInt("Rows", 512);
		dataSet.setInt("Columns", 512);
		dataSet.setString("PixelSpacing", "0.488281", "0.488281");
		dataSet.setInt("BitsAllocated", 16);
		dataSet.setInt("BitsStored", 12);
		dataSet.setInt("HighBit", 11);
		dataSet.setInt("PixelRepresentation", 0);
		dataSet.setInt("LargestImagePixelValue", 4095);
		dataSet.setString("RescaleIntercept", "-1024");
		dataSet.setString("RescaleSlope", "1");
		return dataSet;
	}

}
