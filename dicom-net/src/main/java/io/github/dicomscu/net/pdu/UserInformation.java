package io.github.dicomscu.net.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * The user information item (50H) of an A-ASSOCIATE-RQ or A-ASSOCIATE-AC PDU (PS3.8 Annex
 * D, PS3.7 Annex D) with each of its sub-items. Immutable; lists are never {@code null}
 * (a {@code null} list is taken as empty), absent single sub-items are {@code null}, and
 * sub-items of unknown types are kept in {@link #unknownItems()}.
 *
 * @param maximumLength the maximum length sub-item (51H): the largest P-DATA-TF PDU
 * length the sender can receive, 0 for no limit, -1 when the sub-item is absent
 * @param implementationClassUid the implementation class UID sub-item (52H), required
 * when encoding
 * @param implementationVersionName the implementation version name sub-item (55H), or
 * {@code null}
 * @param asyncOperationsWindow the asynchronous operations window sub-item (53H), or
 * {@code null}
 * @param roleSelections the SCP/SCU role selection sub-items (54H)
 * @param extendedNegotiations the SOP class extended negotiation sub-items (56H)
 * @param commonExtendedNegotiations the SOP class common extended negotiation sub-items
 * (57H)
 * @param userIdentityRq the user identity sub-item (58H) of a request, or {@code null}
 * @param userIdentityAc the user identity server response sub-item (59H) of an
 * acceptance, or {@code null}
 * @param unknownItems the sub-items of types this package does not interpret
 */
public record UserInformation(long maximumLength, String implementationClassUid, String implementationVersionName,
		AsyncOperationsWindow asyncOperationsWindow, List<RoleSelection> roleSelections,
		List<SopClassExtendedNegotiation> extendedNegotiations,
		List<SopClassCommonExtendedNegotiation> commonExtendedNegotiations, UserIdentityRq userIdentityRq,
		UserIdentityAc userIdentityAc, List<UnknownItem> unknownItems) {

	/** The {@link #maximumLength()} that stands for an absent maximum length sub-item. */
	public static final long NO_MAXIMUM_LENGTH_ITEM = -1;

	public UserInformation {
		if (maximumLength < NO_MAXIMUM_LENGTH_ITEM || maximumLength > 0xFFFFFFFFL) {
			throw new IllegalArgumentException("Maximum length " + maximumLength + " does not fit in 32 bits");
		}
		roleSelections = copy(roleSelections);
		extendedNegotiations = copy(extendedNegotiations);
		commonExtendedNegotiations = copy(commonExtendedNegotiations);
		unknownItems = copy(unknownItems);
	}

	/**
	 * Create user information with only the sub-items every association carries.
	 * @param maximumLength the maximum length, 0 for no limit, -1 to leave the sub-item
	 * out
	 * @param implementationClassUid the implementation class UID
	 * @param implementationVersionName the implementation version name, or {@code null}
	 * @return the user information
	 */
	public static UserInformation of(long maximumLength, String implementationClassUid,
			String implementationVersionName) {
		return new UserInformation(maximumLength, implementationClassUid, implementationVersionName, null, null, null,
				null, null, null, null);
	}

	/**
	 * Return a builder for user information with any sub-items.
	 * @return a builder with no sub-items
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static <T> List<T> copy(List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	/**
	 * Builds {@link UserInformation} one sub-item at a time; repeatable sub-items
	 * accumulate.
	 */
	public static final class Builder {

		private long maximumLength = NO_MAXIMUM_LENGTH_ITEM;

		private String implementationClassUid;

		private String implementationVersionName;

		private AsyncOperationsWindow asyncOperationsWindow;

		private final List<RoleSelection> roleSelections = new ArrayList<>();

		private final List<SopClassExtendedNegotiation> extendedNegotiations = new ArrayList<>();

		private final List<SopClassCommonExtendedNegotiation> commonExtendedNegotiations = new ArrayList<>();

		private UserIdentityRq userIdentityRq;

		private UserIdentityAc userIdentityAc;

		private final List<UnknownItem> unknownItems = new ArrayList<>();

		private Builder() {
		}

		public Builder maximumLength(long maximumLength) {
			this.maximumLength = maximumLength;
			return this;
		}

		public Builder implementationClassUid(String implementationClassUid) {
			this.implementationClassUid = implementationClassUid;
			return this;
		}

		public Builder implementationVersionName(String implementationVersionName) {
			this.implementationVersionName = implementationVersionName;
			return this;
		}

		public Builder asyncOperationsWindow(AsyncOperationsWindow asyncOperationsWindow) {
			this.asyncOperationsWindow = asyncOperationsWindow;
			return this;
		}

		public Builder roleSelection(RoleSelection roleSelection) {
			this.roleSelections.add(roleSelection);
			return this;
		}

		public Builder extendedNegotiation(SopClassExtendedNegotiation extendedNegotiation) {
			this.extendedNegotiations.add(extendedNegotiation);
			return this;
		}

		public Builder commonExtendedNegotiation(SopClassCommonExtendedNegotiation commonExtendedNegotiation) {
			this.commonExtendedNegotiations.add(commonExtendedNegotiation);
			return this;
		}

		public Builder userIdentityRq(UserIdentityRq userIdentityRq) {
			this.userIdentityRq = userIdentityRq;
			return this;
		}

		public Builder userIdentityAc(UserIdentityAc userIdentityAc) {
			this.userIdentityAc = userIdentityAc;
			return this;
		}

		public Builder unknownItem(UnknownItem unknownItem) {
			this.unknownItems.add(unknownItem);
			return this;
		}

		public UserInformation build() {
			return new UserInformation(this.maximumLength, this.implementationClassUid, this.implementationVersionName,
					this.asyncOperationsWindow, this.roleSelections, this.extendedNegotiations,
					this.commonExtendedNegotiations, this.userIdentityRq, this.userIdentityAc, this.unknownItems);
		}

	}

}
