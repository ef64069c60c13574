package io.newsbeam.transforms;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A side input read once per bundle and window instead of once per element. The DirectRunner builds a map view
 * afresh from all its entries on every {@code sideInput} call, so a step that read a map of n entries for each of
 * m elements cost n × m (two such steps were a sixth of a 10,000-document run's middle part). Call {@link #forget}
 * in {@code @StartBundle}.
 */
final class BundleSideInput<T> implements Serializable {
  private final PCollectionView<T> view;
  private transient BoundedWindow window;
  private transient T value;

  BundleSideInput(PCollectionView<T> view) {
    this.view = view;
  }

  T read(DoFn<?, ?>.ProcessContext c, BoundedWindow w) {
    if (value == null || !w.equals(window)) {
      value = c.sideInput(view);
      window = w;
    }
    return value;
  }

  void forget() {
    window = null;
    value = null;
  }
}
