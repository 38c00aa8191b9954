package io.github.dicomscu.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A P-DATA-TF PDU (PS3.8 section 9.3.5): one or more presentation data values. Immutable
 * as a list; see {@link PresentationDataValue} about its fragments.
 *
 * @param values the presentation data values, at least one
 */
public record PDataTf(List<PresentationDataValue> values) implements Pdu {

	public PDataTf {
		values = List.copyOf(Objects.requireNonNull(values, "'values' must not be null"));
		if (values.isEmpty()) {
			throw new IllegalArgumentException("A P-DATA-TF PDU carries at least one presentation data value");
		}
	}

	@Override
	public PduType type() {
		return PduType.P_DATA_TF;
	}

}
