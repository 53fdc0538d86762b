package io.tokensdk.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;

/** Support for the Gson adapters generated into each model; not for use outside them. */
public final class ModelAdapters {
  private ModelAdapters() {}

  /**
   * {@code gson}'s adapter for the declared type of field {@code field} of {@code model}, generic arguments included: the
   * adapter Gson's reflective adapter would use for it. Looked up once, when a Gson first needs the model's adapter.
   *
   * @throws IllegalStateException when the model has no such field
   */
  @SuppressWarnings("unchecked")
  public static <F> TypeAdapter<F> ofField(Gson gson, Class<?> model, String field) {
    try {
      return (TypeAdapter<F>) gson.getAdapter(TypeToken.get(model.getDeclaredField(field).getGenericType()));
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(model.getName() + " has no field " + field, e);
    }
  }
}
