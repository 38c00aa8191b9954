package io.github.dicomscu.net.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Consumer;

import io.github.dicomscu.data.DataSet;
import io.github.dicomscu.data.SpecificCharacterSet;
import io.github.dicomscu.data.TagDictionary;
import io.github.dicomscu.data.TagEntry;
import io.github.dicomscu.data.VR;

/**
 * The identifier of a C-FIND, C-MOVE or C-GET request (PS3.4 C.4 and K.6), built by
 * keyword: an information model, a Query/Retrieve Level, matching keys with their values
 * and return keys with empty values, and sequence keys with one item of their own keys
 * (as Modality Worklist queries use them).
 * <p>
 * VRs come from the data dictionary. Values are encoded when {@link #toIdentifier()}
 * builds the data set, after Specific Character Set (0008,0005) if it was given as a key,
 * so the order of the calls does not matter; without that key, a query with a value
 * outside US-ASCII gets {@code ISO_IR 192} (UTF-8). A later key with the same keyword
 * replaces an earlier one. The unique key of the query level is always part of the
 * identifier: if no value was given for it, it is added as a return key, because the SCP
 * returns it and a C-MOVE or C-GET needs it.
 * <p>
 * A query is mutable and not thread-safe; build it on one thread.
 */
public final class Query {

	private static final int QUERY_RETRIEVE_LEVEL = TagDictionary.tagOf("QueryRetrieveLevel");

	private static final String UTF_8 = "ISO_IR 192";

	private final QueryRetrieveModel model;

	private final QueryLevel level;

	private final Keys keys = new Keys();

	private Query(QueryRetrieveModel model, QueryLevel level) {
		this.model = model;
		this.level = level;
	}

	/**
	 * Start a query of the Patient Root model.
	 * @param level the level: patient, study, series or image
	 * @return the query
	 */
	public static Query patientRoot(QueryLevel level) {
		return of(QueryRetrieveModel.PATIENT_ROOT, level);
	}

	/**
	 * Start a query of the Study Root model.
	 * @param level the level: study, series or image
	 * @return the query
	 * @throws IllegalArgumentException for the patient level
	 */
	public static Query studyRoot(QueryLevel level) {
		return of(QueryRetrieveModel.STUDY_ROOT, level);
	}

	/**
	 * Start a query of the retired Patient/Study Only model.
	 * @param level the level: patient or study
	 * @return the query
	 * @throws IllegalArgumentException for the series and image levels
	 */
	public static Query patientStudyOnly(QueryLevel level) {
		return of(QueryRetrieveModel.PATIENT_STUDY_ONLY, level);
	}

	/**
	 * Start a query of a Query/Retrieve model at a level.
	 * @param model the model, not {@link QueryRetrieveModel#MODALITY_WORKLIST}
	 * @param level a level of that model
	 * @return the query
	 * @throws IllegalArgumentException if the model does not have the level
	 */
	public static Query of(QueryRetrieveModel model, QueryLevel level) {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(level, "level");
		if (!model.supports(level)) {
			throw new IllegalArgumentException("The " + model + " information model has no " + level.code() + " level");
		}
		return new Query(model, level);
	}

	/**
	 * Start a Modality Worklist query, which has no level; its scheduled procedure step
	 * keys go into a {@link #sequence(String, Consumer) sequence} of Scheduled Procedure
	 * Step Sequence (0040,0100).
	 * @return the query
	 */
	public static Query worklist() {
		return new Query(QueryRetrieveModel.MODALITY_WORKLIST, null);
	}

	/**
	 * Add a matching key: an attribute with the value(s) to match (PS3.4 C.2.2.2), for
	 * example {@code "DOE^J*"}, a range {@code "20240101-"}, or several UIDs for list
	 * matching.
	 * @param keyword the dictionary keyword of a text attribute, for example
	 * {@code PatientID}
	 * @param values the values; none for a universal match
	 * @return this query
	 * @throws io.github.dicomscu.data.UnknownTagKeywordException if the keyword is
	 * unknown
	 * @throws IllegalArgumentException if the attribute is a sequence or does not hold
	 * text
	 * @throws InvalidMatchingValueException if a value breaks a rule of the VR or of
	 * PS3.4 C.2.2.2 (length, date/time and range syntax, UID syntax, wildcards, several
	 * values or a backslash)
	 */
	public Query match(String keyword, String... values) {
		this.keys.match(keyword, values);
		return this;
	}

	/**
	 * Add return keys: attributes with an empty value, which the SCP fills in for each
	 * match.
	 * @param keywords the dictionary keywords; a sequence becomes a sequence without
	 * items
	 * @return this query
	 * @throws io.github.dicomscu.data.UnknownTagKeywordException if a keyword is unknown
	 */
	public Query returnKey(String... keywords) {
		this.keys.returnKey(keywords);
		return this;
	}

	/**
	 * Add a sequence key with one item holding its own matching and return keys (PS3.4
	 * C.2.2.2.6).
	 * @param keyword the dictionary keyword of a sequence, for example
	 * {@code ScheduledProcedureStepSequence}
	 * @param item adds the keys of the item
	 * @return this query
	 * @throws IllegalArgumentException if the attribute is not a sequence
	 */
	public Query sequence(String keyword, Consumer<Item> item) {
		this.keys.sequence(keyword, item);
		return this;
	}

	/**
	 * Return the information model.
	 * @return the model
	 */
	public QueryRetrieveModel model() {
		return this.model;
	}

	/**
	 * Return the Query/Retrieve Level.
	 * @return the level, or {@code null} for a worklist query
	 */
	public QueryLevel level() {
		return this.level;
	}

	/**
	 * Build the identifier: Query/Retrieve Level (unless a worklist query), the unique
	 * key of the level, and every key added.
	 * @return a new data set
	 * @throws IllegalArgumentException if a value cannot be encoded in the Specific
	 * Character Set given as a key
	 */
	public DataSet toIdentifier() {
		DataSet identifier = new DataSet();
		if (!this.keys.hasCharacterSet() && this.keys.hasNonAsciiValue()) {
			identifier.setString(Keys.SPECIFIC_CHARACTER_SET, VR.CS, UTF_8);
		}
		this.keys.writeTo(identifier);
		if (this.level != null) {
			identifier.setString(QUERY_RETRIEVE_LEVEL, VR.CS, this.level.code());
			int uniqueKey = TagDictionary.tagOf(this.level.uniqueKey());
			if (!identifier.contains(uniqueKey)) {
				identifier.setBytes(uniqueKey, Keys.entry(uniqueKey).vr(), new byte[0]);
			}
		}
		return identifier;
	}

	@Override
	public String toString() {
		return this.model + ((this.level != null) ? " " + this.level.code() : "") + " " + this.keys;
	}

	/**
	 * The keys of the one item of a sequence key.
	 */
	public static final class Item {

		private final Keys keys = new Keys();

		private Item() {
		}

		/**
		 * Add a matching key to the item; see {@link Query#match(String, String...)}.
		 * @param keyword the dictionary keyword of a text attribute
		 * @param values the values; none for a universal match
		 * @return this item
		 */
		public Item match(String keyword, String... values) {
			this.keys.match(keyword, values);
			return this;
		}

		/**
		 * Add return keys to the item; see {@link Query#returnKey(String...)}.
		 * @param keywords the dictionary keywords
		 * @return this item
		 */
		public Item returnKey(String... keywords) {
			this.keys.returnKey(keywords);
			return this;
		}

		/**
		 * Add a nested sequence key to the item; see
		 * {@link Query#sequence(String, Consumer)}.
		 * @param keyword the dictionary keyword of a sequence
		 * @param item adds the keys of the nested item
		 * @return this item
		 */
		public Item sequence(String keyword, Consumer<Item> item) {
			this.keys.sequence(keyword, item);
			return this;
		}

	}

	/**
	 * The keys of an identifier or of a sequence item, in the order added, encoded only
	 * when written.
	 */
	private static final class Keys {

		private static final int SPECIFIC_CHARACTER_SET = TagDictionary.tagOf("SpecificCharacterSet");

		private final Map<Integer, Key> keys = new LinkedHashMap<>();

		void match(String keyword, String... values) {
			TagEntry entry = entry(TagDictionary.tagOf(keyword));
			VR vr = entry.vr();
			if (vr == VR.SQ) {
				throw new IllegalArgumentException(
						keyword + " is a sequence: add its item's keys with sequence(\"" + keyword + "\", ...)");
			}
			if (!SpecificCharacterSet.isString(vr)) {
				throw new IllegalArgumentException(keyword + " has VR " + vr
						+ ", which does not hold text; only text attributes can be matching keys");
			}
			String[] checked = values.clone();
			MatchingValues.check(keyword, vr, checked);
			this.keys.put(entry.value(), new Key(vr, checked, null));
		}

		void returnKey(String... keywords) {
			for (String keyword : keywords) {
				TagEntry entry = entry(TagDictionary.tagOf(keyword));
				this.keys.put(entry.value(), new Key(entry.vr(), null, null));
			}
		}

		void sequence(String keyword, Consumer<Item> itemKeys) {
			TagEntry entry = entry(TagDictionary.tagOf(keyword));
			if (entry.vr() != VR.SQ) {
				throw new IllegalArgumentException(
						keyword + " has VR " + entry.vr() + ", not SQ; use match or returnKey");
			}
			Item item = new Item();
			itemKeys.accept(item);
			this.keys.put(entry.value(), new Key(VR.SQ, null, item.keys));
		}

		void writeTo(DataSet target) {
			Key characterSet = this.keys.get(SPECIFIC_CHARACTER_SET);
			if (characterSet != null) {
				characterSet.writeTo(target, SPECIFIC_CHARACTER_SET);
			}
			this.keys.forEach((tag, key) -> {
				if (tag != SPECIFIC_CHARACTER_SET) {
					key.writeTo(target, tag);
				}
			});
		}

		boolean hasCharacterSet() {
			return this.keys.containsKey(SPECIFIC_CHARACTER_SET);
		}

		boolean hasNonAsciiValue() {
			return this.keys.values().stream().anyMatch(Key::hasNonAsciiValue);
		}

		static TagEntry entry(int tag) {
			TagEntry entry = TagDictionary.forTag(tag).orElseThrow();
			if (entry.vr() == null) {
				throw new IllegalArgumentException(entry.keyword() + " has no VR and cannot be a key");
			}
			return entry;
		}

		@Override
		public String toString() {
			StringJoiner text = new StringJoiner(", ", "{", "}");
			this.keys.forEach((tag, key) -> text.add(TagDictionary.keywordOf(tag) + "=" + key));
			return text.toString();
		}

	}

	/**
	 * One key: values to match, or an empty return key ({@code values} and {@code item}
	 * both {@code null}), or a sequence with one item of keys.
	 */
	private record Key(VR vr, String[] values, Keys item) {

		void writeTo(DataSet target, int tag) {
			if (this.item != null) {
				DataSet itemSet = new DataSet();
				target.setSequence(tag, List.of(itemSet));
				this.item.writeTo(itemSet);
			}
			else if (this.values != null) {
				target.setString(tag, this.vr, this.values);
			}
			else if (this.vr == VR.SQ) {
				target.setSequence(tag, List.of());
			}
			else {
				target.setBytes(tag, this.vr, new byte[0]);
			}
		}

		boolean hasNonAsciiValue() {
			if (this.item != null) {
				return this.item.hasNonAsciiValue();
			}
			return this.values != null
					&& Arrays.stream(this.values).anyMatch((value) -> value.chars().anyMatch((c) -> c > 0x7F));
		}

		@Override
		public String toString() {
			if (this.item != null) {
				return "[" + this.item + "]";
			}
			return (this.values != null) ? String.join("\\", this.values) : "(return)";
		}

	}

}
