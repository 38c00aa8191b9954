package io.github.dicomscu.data;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.dicomscu.data.ByteFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DataSet}.
 */
class DataSetTests {

	@Test
	void keepsAttributesInUnsignedTagOrder() {
		DataSet dataSet = new DataSet().setString(0xFFFAFFFA, VR.LO, "last")
			.setBytes(0x7FE00010, VR.OB, new byte[2])
			.setString("PatientName", "Doe^John")
			.setString(0x00090010, VR.LO, "ACME");
		assertThat(dataSet.attributes()).extracting(Attribute::tag)
			.containsExactly(0x00090010, 0x00100010, 0x7FE00010, 0xFFFAFFFA);
		assertThat(dataSet.size()).isEqualTo(4);
	}

	@Test
	void keywordsResolveThroughTheDictionary() {
		DataSet dataSet = new DataSet().setString("PatientID", "42");
		assertThat(dataSet.get(0x00100020).vr()).isEqualTo(VR.LO);
		assertThat(dataSet.contains("PatientID")).isTrue();
		assertThat(dataSet.getString(0x00100020)).isEqualTo("42");
		assertThatExceptionOfType(UnknownTagKeywordException.class).isThrownBy(() -> dataSet.getString("PatientIdd"));
		assertThat(dataSet.remove("PatientID").tag()).isEqualTo(0x00100020);
		assertThat(dataSet.isEmpty()).isTrue();
	}

	@Test
	void settersPadToEvenLengthAndGettersTrim() {
		DataSet dataSet = new DataSet().setString("SOPInstanceUID", "1.2.3")
			.setString("PatientName", "Doe")
			.setBytes(0x00091001, VR.OB, bytes("01 02 03"));
		assertThat(dataSet.getBytes("SOPInstanceUID")).isEqualTo(bytes("'1.2.3", "00"));
		assertThat(dataSet.getBytes("PatientName")).isEqualTo(bytes("'Doe "));
		assertThat(dataSet.getBytes(0x00091001)).isEqualTo(bytes("01 02 03 00"));
		assertThat(dataSet.getString("SOPInstanceUID")).isEqualTo("1.2.3");
		assertThat(dataSet.getString("PatientName")).isEqualTo("Doe");
	}

	@Test
	void absentAndEmptyValues() {
		DataSet dataSet = new DataSet().setString("AccessionNumber").setString("ImageType", "", "PRIMARY");
		assertThat(dataSet.getString("AccessionNumber")).isNull();
		assertThat(dataSet.getStrings("AccessionNumber")).isEmpty();
		assertThat(dataSet.getString("PatientName")).isNull();
		assertThat(dataSet.getInt("Rows", -1)).isEqualTo(-1);
		assertThat(dataSet.getDouble("SliceThickness", 2.5)).isEqualTo(2.5);
		assertThat(dataSet.getBytes("PatientName")).isNull();
		assertThat(dataSet.getSequence("ReferencedImageSequence")).isEmpty();
		assertThat(dataSet.getStrings("ImageType")).containsExactly("", "PRIMARY");
		assertThat(dataSet.getString("ImageType")).isEmpty();
	}

	@Test
	void integerValues() {
		DataSet dataSet = new DataSet().setInt("Rows", 65535)
			.setInt(0x00189219, VR.SS, -2, 3)
			.setLong(0x00209057, VR.UL, 0xFFFFFFFFL)
			.setInt("InstanceNumber", 7)
			.setString("SliceThickness", "3.0")
			.setString("SliceLocation", "2.5");
		assertThat(dataSet.getInt("Rows", 0)).isEqualTo(65535);
		assertThat(dataSet.getInts(0x00189219)).containsExactly(-2, 3);
		assertThat(dataSet.getLong(0x00209057, 0)).isEqualTo(4294967295L);
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> dataSet.getInt(0x00209057, 0))
			.withMessage("Value 4294967295 of (0020,9057) does not fit an int; use getLong");
		assertThat(dataSet.getBytes("InstanceNumber")).isEqualTo(bytes("'7 "));
		assertThat(dataSet.getInt("InstanceNumber", 0)).isEqualTo(7);
		assertThat(dataSet.getInt("SliceThickness", 0)).isEqualTo(3);
		assertThatExceptionOfType(NumberFormatException.class).isThrownBy(() -> dataSet.getInt("SliceLocation", 0))
			.withMessage("Value '2.5' of (0020,1041) is not an integer");
		assertThat(dataSet.getString("Rows")).isEqualTo("65535");
		dataSet.setBytes(0x00089999, VR.UV, bytes("FF FF FF FF FF FF FF FF"));
		assertThat(dataSet.getString(0x00089999)).isEqualTo("18446744073709551615");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> dataSet.getLong(0x00089999, 0))
			.withMessage("18446744073709551615 does not fit a signed 64-bit integer");
	}

	@Test
	void rejectsIntegersOutOfRangeOrForTheWrongVr() {
		DataSet dataSet = new DataSet();
		assertThatIllegalArgumentException().isThrownBy(() -> dataSet.setInt("Rows", 70000))
			.withMessage("Value 70000 of (0028,0010) is out of range for VR US (0 to 65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> dataSet.setInt(0x00100010, VR.PN, 1))
			.withMessage("VR PN of (0010,0010) does not hold numbers");
		assertThatIllegalArgumentException().isThrownBy(() -> dataSet.setString(0x00280010, VR.US, "1"))
			.withMessage("VR US does not hold character strings");
	}

	@Test
	void negativeValuesPickSsWhenTheDictionaryAllowsUsOrSs() {
		DataSet dataSet = new DataSet().setInt("SmallestImagePixelValue", -5).setInt("LargestImagePixelValue", 5);
		assertThat(dataSet.get("SmallestImagePixelValue").vr()).isEqualTo(VR.SS);
		assertThat(dataSet.getInt("SmallestImagePixelValue", 0)).isEqualTo(-5);
		assertThat(dataSet.get("LargestImagePixelValue").vr()).isEqualTo(VR.US);
	}

	@Test
	void floatingPointValues() {
		DataSet dataSet = new DataSet().setDouble("PixelSpacing", 1.0 / 3, 0.5)
			.setDouble("SliceLocation", 123456789.123456789)
			.setDouble("SliceThickness", 1e20)
			.setDouble(0x00189087, VR.FD, 1000.25)
			.setDouble(0x00189089, VR.FD, 0.5, -0.5)
			.setDouble(0x00720066, VR.FL, 1.5);
		assertThat(dataSet.getStrings("PixelSpacing")).containsExactly("0.33333333333333", "0.5");
		assertThat(dataSet.getString("SliceLocation")).isEqualTo("123456789.123457");
		assertThat(dataSet.getString("SliceThickness")).isEqualTo("1E+20");
		assertThat(dataSet.getDouble("SliceThickness", 0)).isEqualTo(1e20);
		assertThat(dataSet.getDouble(0x00189087, 0)).isEqualTo(1000.25);
		assertThat(dataSet.getDoubles(0x00189089)).containsExactly(0.5, -0.5);
		assertThat(dataSet.getDouble(0x00720066, 0)).isEqualTo(1.5);
		assertThat(dataSet.getString(0x00720066)).isEqualTo("1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> dataSet.setDouble("SliceThickness", Double.NaN))
			.withMessage("A Decimal String cannot hold NaN");
	}

	@Test
	void textUsesTheSpecificCharacterSetInForceWhenSetAndRead() {
		DataSet dataSet = new DataSet();
		assertThatIllegalArgumentException().isThrownBy(() -> dataSet.setString("PatientName", "Müller"))
			.withMessageContaining("set Specific Character Set (0008,0005) first");
		dataSet.setString("SpecificCharacterSet", "ISO_IR 100").setString("PatientName", "Müller");
		assertThat(dataSet.getBytes("PatientName")).isEqualTo(bytes("'M", "FC", "'ller"));
		assertThat(dataSet.specificCharacterSet()).isEqualTo(SpecificCharacterSet.of("ISO_IR 100"));
		dataSet.setString("SpecificCharacterSet", "ISO_IR 144");
		assertThat(dataSet.getString("PatientName")).isEqualTo("Mќller");
	}

	@Test
	void itemsInheritTheSpecificCharacterSetOfTheirDataSet() {
		DataSet dataSet = new DataSet().setString("SpecificCharacterSet", "ISO_IR 192");
		DataSet item = new DataSet();
		dataSet.setSequence("ReferencedPatientSequence", List.of(item));
		item.setString("PatientName", "山田^太郎");
		assertThat(item.getBytes("PatientName")).hasSize(14);
		assertThat(dataSet.getSequence("ReferencedPatientSequence").get(0).getString("PatientName")).isEqualTo("山田^太郎");
		DataSet own = new DataSet().setString("SpecificCharacterSet", "ISO_IR 100");
		dataSet.setSequence("ReferencedStudySequence", List.of(own));
		assertThat(own.specificCharacterSet().charset().name()).isEqualTo("ISO-8859-1");
	}

	@Test
	void valuesOfOtherKindsNeedTheirOwnGetters() {
		BulkDataReference reference = new BulkDataReference(Path.of("x.dcm"), 10, 20, ByteOrder.LITTLE_ENDIAN);
		DataSet dataSet = new DataSet().setBulkData(0x7FE00010, VR.OW, reference)
			.setSequence("ReferencedImageSequence", List.of())
			.setBytes(0x00091001, VR.OB, new byte[2]);
		assertThat(dataSet.getBulkData(0x7FE00010)).isEqualTo(reference);
		assertThat(dataSet.get(0x7FE00010).length()).isEqualTo(20);
		assertThatIllegalStateException().isThrownBy(() -> dataSet.getBytes(0x7FE00010))
			.withMessage("(7FE0,0010) is bulk data at x.dcm@10+20 (LITTLE_ENDIAN); use getBulkData, "
					+ "or DataSetWriter to stream it");
		assertThatIllegalStateException().isThrownBy(() -> dataSet.getString("ReferencedImageSequence"))
			.withMessage("(0008,1140) is a sequence; use getSequence");
		assertThatIllegalStateException().isThrownBy(() -> dataSet.getString(0x00091001))
			.withMessage("(0009,1001) has VR OB, which holds neither text nor numbers");
		assertThatIllegalStateException().isThrownBy(() -> dataSet.getSequence(0x00091001))
			.withMessage("(0009,1001) has VR OB, not SQ");
		assertThatIllegalArgumentException().isThrownBy(() -> Attribute.of(0x00081140, VR.SQ, new byte[0]));
	}

	@Test
	void equalityComparesTagsVrsAndValues() {
		assertThat(SampleDataSets.sample()).isEqualTo(SampleDataSets.sample())
			.hasSameHashCodeAs(SampleDataSets.sample());
		assertThat(new DataSet().setString("PatientID", "1")).isNotEqualTo(new DataSet().setString("PatientID", "2"));
		assertThat(new DataSet().setBytes(0x00091001, VR.OB, new byte[2]))
			.isNotEqualTo(new DataSet().setBytes(0x00091001, VR.UN, new byte[2]));
	}

	@Test
	void toStringListsAttributesAndItems() {
		assertThat(SampleDataSets.sample().toString()).contains("(0010,0010) PN PatientName #12 [Müller^Hans]")
			.contains("(0008,1140) SQ ReferencedImageSequence (1 items)\n  > item 1\n"
					+ "    (0008,1150) UI ReferencedSOPClassUID #6 [1.2.3]")
			.contains("(0028,0010) US Rows #2 [512]")
			.contains("(7FE0,0010) OW PixelData #4\n");
	}

}
