package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a {@link WorkItemPatch}: absent (left as it is), set to a value, or
 * cleared.
 *
 * @param <T> the value type
 */
public final class PatchField<T> {

	private static final PatchField<?> ABSENT = new PatchField<>(false, null);

	private static final PatchField<?> CLEARED = new PatchField<>(true, null);

	private final boolean present;

	private final T value;

	private PatchField(boolean present, T value) {
		this.present = present;
		this.value = value;
	}

	@SuppressWarnings("unchecked")
	public static <T> PatchField<T> absent() {
		return (PatchField<T>) ABSENT;
	}

	public static <T> PatchField<T> set(T value) {
		return new PatchField<>(true, Objects.requireNonNull(value, "value"));
	}

	@SuppressWarnings("unchecked")
	public static <T> PatchField<T> cleared() {
		return (PatchField<T>) CLEARED;
	}

	/**
	 * Whether the patch changes this field (set or cleared).
	 * @return true unless absent
	 */
	public boolean isPresent() {
		return this.present;
	}

	/**
	 * The new value; empty when absent or cleared.
	 * @return the new value
	 */
	public Optional<T> value() {
		return Optional.ofNullable(this.value);
	}

	public boolean isCleared() {
		return this.present && this.value == null;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof PatchField<?> that) && this.present == that.present
				&& Objects.equals(this.value, that.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.present, this.value);
	}

	@Override
	public String toString() {
		return !this.present ? "absent" : (this.value == null) ? "cleared" : "set(" + this.value + ")";
	}

}
