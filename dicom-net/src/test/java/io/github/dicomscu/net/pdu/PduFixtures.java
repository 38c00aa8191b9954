package io.github.dicomscu.net.pdu;

import java.util.List;

/**
 * PDUs and their encodings, written by hand from the tables of PS3.8 section 9.3 and
 * PS3.7 Annex D. Lengths are hexadecimal; the comment after each line names its fields.
 */
final class PduFixtures {

	static final byte[] ASSOCIATE_RQ = HexFixture.bytes("""
			01 00 | 00 00 01 CF                      # A-ASSOCIATE-RQ, reserved, PDU length 463
			00 01 | 00 00                            # protocol version (bit 0), reserved
			'STORESCP        '                       # called AE title, space padded to 16 bytes
			'STORESCU        '                       # calling AE title
			00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # reserved, 32 bytes
			00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
			10 00 | 00 15 | '1.2.840.10008.3.1.1.1'  # application context item, length 21
			20 00 | 00 2E | 01 | 00 | 00 | 00        # presentation context item, length 46: id 1, reserved x3
			  30 00 | 00 11 | '1.2.840.10008.1.1'    #   abstract syntax sub-item, length 17 (Verification)
			  40 00 | 00 11 | '1.2.840.10008.1.2'    #   transfer syntax sub-item, length 17 (Implicit VR LE)
			20 00 | 00 4D | 03 | 00 | 00 | 00        # presentation context item, length 77: id 3
			  30 00 | 00 19 | '1.2.840.10008.5.1.4.1.1.2'   # abstract syntax, length 25 (CT Image Storage)
			  40 00 | 00 13 | '1.2.840.10008.1.2.1'  #   transfer syntax, length 19 (Explicit VR LE)
			  40 00 | 00 11 | '1.2.840.10008.1.2'    #   transfer syntax, length 17
			50 00 | 00 EB                            # user information item, length 235
			  51 00 | 00 04 | 00 00 3F FE            #   maximum length sub-item: 16382
			  52 00 | 00 14 | '2.25.123456789012345' #   implementation class UID sub-item, length 20
			  53 00 | 00 04 | 00 05 | 00 03          #   asynchronous operations window: 5 invoked, 3 performed
			  54 00 | 00 1F                          #   SCP/SCU role selection sub-item, length 31
			    00 1B | '1.2.840.10008.5.1.4.1.2.2.3'  #     UID length 27, SOP class UID
			    00 | 01                              #     SCU role 0, SCP role 1
			  55 00 | 00 0C | 'DICOMSCU_010'         #   implementation version name, length 12
			  56 00 | 00 20                          #   SOP class extended negotiation, length 32
			    00 1B | '1.2.840.10008.5.1.4.1.2.2.1'  #     SOP class UID length 27, UID
			    01 00 01                             #     service-class-application-information
			  57 00 | 00 53                          #   SOP class common extended negotiation, version 0, length 83
			    00 1D | '1.2.840.10008.5.1.4.1.1.88.40'  #   SOP class UID length 29, UID
			    00 11 | '1.2.840.10008.4.2'          #     service class UID length 17, UID
			    00 1F                                #     related general SOP class identification length 31
			      00 1D | '1.2.840.10008.5.1.4.1.1.88.22'  # related general SOP class UID length 29, UID
			  58 00 | 00 11                          #   user identity sub-item, length 17
			    02 | 01                              #     type 2 (username and passcode), positive response requested
			    00 05 | 'alice'                      #     primary field length 5, username
			    00 06 | 's3cret'                     #     secondary field length 6, passcode
			""");

	static final AssociateRq ASSOCIATE_RQ_PDU = new AssociateRq(AssociateRq.PROTOCOL_VERSION, "STORESCP", "STORESCU",
			AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
			List.of(new PresentationContextRq(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")),
					new PresentationContextRq(3, "1.2.840.10008.5.1.4.1.1.2",
							List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"))),
			UserInformation.builder()
				.maximumLength(16382)
				.implementationClassUid("2.25.123456789012345")
				.asyncOperationsWindow(new AsyncOperationsWindow(5, 3))
				.roleSelection(new RoleSelection("1.2.840.10008.5.1.4.1.2.2.3", false, true))
				.implementationVersionName("DICOMSCU_010")
				.extendedNegotiation(
						new SopClassExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] { 1, 0, 1 }))
				.commonExtendedNegotiation(new SopClassCommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.88.40",
						"1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.1.88.22")))
				.userIdentityRq(UserIdentityRq.usernameAndPasscode("alice", "s3cret", true))
				.build());

	static final byte[] ASSOCIATE_AC = HexFixture.bytes("""
			02 00 | 00 00 00 E6                      # A-ASSOCIATE-AC, reserved, PDU length 230
			00 01 | 00 00                            # protocol version, reserved
			'STORESCP        '                       # reserved, sent as received: called AE title
			'STORESCU        '                       # reserved, sent as received: calling AE title
			00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # reserved, 32 bytes
			00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
			10 00 | 00 15 | '1.2.840.10008.3.1.1.1'  # application context item, length 21
			21 00 | 00 19 | 01 | 00 | 00 | 00        # presentation context item, length 25: id 1, acceptance
			  40 00 | 00 11 | '1.2.840.10008.1.2'    #   transfer syntax sub-item, length 17
			21 00 | 00 08 | 03 | 00 | 01 | 00        # id 3, user-rejection
			  40 00 | 00 00                          #   transfer syntax sub-item, empty (not significant)
			21 00 | 00 08 | 05 | 00 | 02 | 00        # id 5, no-reason (provider rejection)
			  40 00 | 00 00
			21 00 | 00 08 | 07 | 00 | 03 | 00        # id 7, abstract-syntax-not-supported
			  40 00 | 00 00
			21 00 | 00 08 | 09 | 00 | 04 | 00        # id 9, transfer-syntaxes-not-supported
			  40 00 | 00 00
			50 00 | 00 38                            # user information item, length 56
			  51 00 | 00 04 | 00 00 3F FE            #   maximum length sub-item: 16382
			  52 00 | 00 14 | '2.25.123456789012345' #   implementation class UID sub-item, length 20
			  55 00 | 00 0A | 'STORESCP_1'           #   implementation version name, length 10
			  59 00 | 00 06                          #   user identity server response sub-item, length 6
			    00 04 | 0A 0B 0C 0D                  #     server response length 4, response
			""");

	static final AssociateAc ASSOCIATE_AC_PDU = new AssociateAc(AssociateRq.PROTOCOL_VERSION, "STORESCP", "STORESCU",
			AssociateRq.DICOM_APPLICATION_CONTEXT_NAME,
			List.of(new PresentationContextAc(1, PresentationContextResult.ACCEPTANCE, "1.2.840.10008.1.2"),
					new PresentationContextAc(3, PresentationContextResult.USER_REJECTION, null),
					new PresentationContextAc(5, PresentationContextResult.NO_REASON, ""),
					new PresentationContextAc(7, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, null),
					new PresentationContextAc(9, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, null)),
			UserInformation.builder()
				.maximumLength(16382)
				.implementationClassUid("2.25.123456789012345")
				.implementationVersionName("STORESCP_1")
				.userIdentityAc(new UserIdentityAc(new byte[] { 0x0A, 0x0B, 0x0C, 0x0D }))
				.build());

	static final byte[] ASSOCIATE_RJ = HexFixture.bytes("""
			03 00 | 00 00 00 04                      # A-ASSOCIATE-RJ, reserved, PDU length 4
			00                                       # reserved
			01                                       # result: rejected-permanent
			01                                       # source: DICOM UL service-user
			07                                       # reason: called-AE-title-not-recognized
			""");

	static final AssociateRj ASSOCIATE_RJ_PDU = AssociateRj.of(RejectResult.PERMANENT,
			RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);

	static final byte[] P_DATA_TF = HexFixture.bytes("""
			04 00 | 00 00 00 13                      # P-DATA-TF, reserved, PDU length 19
			00 00 00 06 | 01 | 03                    # PDV item length 6, context id 1, command + last fragment
			  01 02 03 04                            #   fragment
			00 00 00 05 | 03 | 00                    # PDV item length 5, context id 3, data set, not last
			  AA BB CC                               #   fragment
			""");

	static final PDataTf P_DATA_TF_PDU = new PDataTf(
			List.of(new PresentationDataValue(1, true, true, new byte[] { 1, 2, 3, 4 }),
					new PresentationDataValue(3, false, false, new byte[] { (byte) 0xAA, (byte) 0xBB, (byte) 0xCC })));

	static final byte[] RELEASE_RQ = HexFixture.bytes("""
			05 00 | 00 00 00 04                      # A-RELEASE-RQ, reserved, PDU length 4
			00 00 00 00                              # reserved
			""");

	static final byte[] RELEASE_RP = HexFixture.bytes("""
			06 00 | 00 00 00 04                      # A-RELEASE-RP, reserved, PDU length 4
			00 00 00 00                              # reserved
			""");

	static final byte[] ABORT = HexFixture.bytes("""
			07 00 | 00 00 00 04                      # A-ABORT, reserved, PDU length 4
			00 | 00                                  # reserved, reserved
			02                                       # source: DICOM UL service-provider
			06                                       # reason: invalid-PDU-parameter value
			""");

	static final Abort ABORT_PDU = Abort.byServiceProvider(AbortReason.INVALID_PDU_PARAMETER_VALUE);

	private PduFixtures() {
	}

}
