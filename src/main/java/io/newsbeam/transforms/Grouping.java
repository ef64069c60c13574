package io.newsbeam.transforms;

import io.newsbeam.text.DistinctLongs;
import io.newsbeam.text.Hashing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGbkResultSchema;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.values.WindowingStrategy;

/**
 * {@code GroupByKey}, {@code CoGroupByKey}, {@code Count}, {@code Min} and {@code Distinct} as newsbeam's transforms use
 * them, with one difference on the DirectRunner and one on Flink.
 *
 * <p>The DirectRunner gives every key of a {@code GroupByKey} its own bundle, and every later step until the
 * next shuffle pays a fixed cost per bundle: DoFn (de)serialisation, ParDo translation, watermark updates.
 * newsbeam groups by fine keys (a line, a paragraph, a graph node, a feature), so a 1,000-document run made
 * hundreds of thousands of bundles and spent under 1 % of its CPU in newsbeam's own code. On the DirectRunner
 * (in the global window, as newsbeam's batch pipeline is) these transforms therefore group in a few shards
 * ({@link #shards}): a {@code GroupByKey} on a shard number, then the shard's values grouped by the
 * key's encoded bytes in memory, which the DirectRunner holds anyway. The result is the same multimap.
 *
 * <p>On Flink, {@code coGroupByKey} reads each key's values once, into memory: Beam's {@code CoGbkResult}
 * re-reads the grouped values of a key with more than 10,000, and Flink's can be read only once (see
 * {@link ConstructFn}). Every other transform on Flink, and everything on the other runners (Dataflow, Spark),
 * is Beam's own, with its combiner lifting and lazily iterated groups.
 */
public final class Grouping {
  /**
   * Shards of a grouping on the DirectRunner: one per worker thread ({@code --targetParallelism}, by default the
   * number of cores and at least 3). Each shard is one bundle for the steps after it, and the DirectRunner's
   * grouping copies a shard's whole state once for every bundle that arrives, so more shards than threads only
   * add copies and per-bundle costs.
   */
  static int shards(PCollection<?> input) {
    return Math.max(1, input.getPipeline().getOptions().as(DirectOptions.class).getTargetParallelism());
  }

  private Grouping() {}

  /**
   * The grouping key of an id whose values share long prefixes (an event id starts with its date, or with
   * {@code undated-}): a short hash of the id, a colon, then the id. Flink sorts a grouping by a short prefix of
   * each encoded key and deserialises and compares whole keys only where those prefixes tie, which for such ids
   * was nearly every comparison. Distinct ids keep distinct keys; {@link #idOf} gives the id back.
   */
  public static String sortableKey(String id) {
    return Hashing.shortHash(id, 8) + ":" + id;
  }

  /** The id of a {@link #sortableKey}. */
  public static String idOf(String sortableKey) {
    return sortableKey.substring(sortableKey.indexOf(':') + 1);
  }

  /** {@code GroupByKey.create()}. */
  public static <K, V> PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> byKey() {
    return new ByKey<>();
  }

  /** {@code CoGroupByKey.create()}. */
  public static <K> PTransform<KeyedPCollectionTuple<K>, PCollection<KV<K, CoGbkResult>>> coGroupByKey() {
    return new CoGroup<>();
  }

  /** {@code Count.perKey()}. */
  public static <K, V> PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Long>>> countPerKey() {
    return new CountPerKey<>();
  }

  /**
   * How many distinct values each key has, for values that are 64-bit hashes: {@code Distinct} then {@code
   * Count.perKey} in one combine, whose accumulator is the key's set of hashes ({@link DistinctLongs}, 8 bytes a
   * value). Each value goes through one grouping instead of two.
   */
  public static <K> PTransform<PCollection<KV<K, Long>>, PCollection<KV<K, Long>>> countDistinctPerKey() {
    return new CountDistinctPerKey<>();
  }

  /** {@code Min.perKey()}. */
  public static <K, V extends Comparable<? super V>> PTransform<PCollection<KV<K, V>>, PCollection<KV<K, V>>> minPerKey() {
    return new MinPerKey<>();
  }

  /** {@code Count.perElement()}. */
  public static <T> PTransform<PCollection<T>, PCollection<KV<T, Long>>> countPerElement() {
    return new CountPerElement<>();
  }

  /**
   * {@code Count.globally()}, as a sum of a 1 per element: Beam's count hands the elements themselves to the
   * combiner, which Flink sorts, and a record larger than its sort buffer (a canonical article of a story copied
   * thousands of times, on a small TaskManager) fails there. Same count on every runner.
   */
  public static PTransform<PCollection<?>, PCollection<Long>> countGlobally() {
    return new CountGlobally();
  }

  /** {@code Distinct.create()}. */
  public static <T> PTransform<PCollection<T>, PCollection<T>> distinct() {
    return new DistinctElements<>();
  }

  /**
   * {@code Reshuffle.viaRandomKey()}: spreads elements over the workers. On the DirectRunner it spreads them over
   * {@link #shards} bundles instead of one bundle per element: each later grouping copies a key's whole
   * state once per arriving bundle (the DirectRunner's copy-on-access state), so one bundle per input file made
   * every grouping after it quadratic in the number of files.
   */
  public static <T> PTransform<PCollection<T>, PCollection<T>> spread() {
    return new Spread<>();
  }

  /** True when {@code input} runs on the DirectRunner in the global window with the default trigger. */
  static boolean shardOnDirectRunner(PCollection<?> input) {
    WindowingStrategy<?, ?> w = input.getWindowingStrategy();
    return input.getPipeline().getOptions().getRunner().getSimpleName().equals("DirectRunner")
        && w.getWindowFn() instanceof GlobalWindows
        && w.getTrigger() instanceof DefaultTrigger;
  }

  /** Whether the pipeline runs on the FlinkRunner (its grouped values can be iterated only once). */
  static boolean onFlink(PCollection<?> input) {
    return input.getPipeline().getOptions().getRunner().getSimpleName().equals("FlinkRunner");
  }

  static final class ByKey<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
    @Override
    public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
      if (!shardOnDirectRunner(input)) {
        return input.apply("GroupByKey", GroupByKey.create());
      }
      KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
      return input
          .apply("ToShards", ParDo.of(new ShardFn<K, V>(coder, shards(input))))
          .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(ByteArrayCoder.of(), ByteArrayCoder.of())))
          .apply("GroupShards", GroupByKey.create())
          .apply("GroupWithinShards", ParDo.of(new GroupWithinShardFn<K, V>(coder)))
          .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(coder.getValueCoder())));
    }
  }

  /** The shard of a key: a hash of its encoded bytes (deterministic on every JVM). */
  static int shardOf(byte[] encodedKey, int shards) {
    return Math.floorMod(java.util.Arrays.hashCode(encodedKey), shards);
  }

  static <K> byte[] encode(Coder<K> coder, K key) {
    try {
      return CoderUtils.encodeToByteArray(coder, key);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot encode grouping key " + key, e);
    }
  }

  /**
   * A key-value pair → its shard, with key and value encoded. The DirectRunner's grouping copies a shard's state
   * through the element coder once per arriving bundle; copies of byte arrays cost little, copies through Avro or
   * Java serialisation of the records themselves were a tenth of a 10,000-document run's CPU.
   */
  static final class ShardFn<K, V> extends DoFn<KV<K, V>, KV<Integer, KV<byte[], byte[]>>> {
    private final KvCoder<K, V> coder;
    private final int shards;

    ShardFn(KvCoder<K, V> coder, int shards) {
      this.coder = coder;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<K, V> kv, OutputReceiver<KV<Integer, KV<byte[], byte[]>>> out) {
      byte[] key = encode(coder.getKeyCoder(), kv.getKey());
      out.output(KV.of(shardOf(key, shards), KV.of(key, encode(coder.getValueCoder(), kv.getValue()))));
    }
  }

  /** A shard's encoded pairs → one group per key, decoded (keys in order of first appearance). */
  static final class GroupWithinShardFn<K, V>
      extends DoFn<KV<Integer, Iterable<KV<byte[], byte[]>>>, KV<K, Iterable<V>>> {
    private final KvCoder<K, V> coder;

    GroupWithinShardFn(KvCoder<K, V> coder) {
      this.coder = coder;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<byte[], byte[]>>> shard,
        OutputReceiver<KV<K, Iterable<V>>> out) {
      Map<ByteBuffer, List<V>> groups = new LinkedHashMap<>();
      for (KV<byte[], byte[]> kv : shard.getValue()) {
        groups.computeIfAbsent(ByteBuffer.wrap(kv.getKey()), k -> new ArrayList<>())
            .add(decode(coder.getValueCoder(), kv.getValue()));
      }
      groups.forEach((k, values) -> out.output(KV.of(decode(coder.getKeyCoder(), k.array()), values)));
    }
  }

  static <T> T decode(Coder<T> coder, byte[] bytes) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("cannot decode a grouped element with " + coder, e);
    }
  }

  static final class CoGroup<K> extends PTransform<KeyedPCollectionTuple<K>, PCollection<KV<K, CoGbkResult>>> {
    @Override
    public PCollection<KV<K, CoGbkResult>> expand(KeyedPCollectionTuple<K> input) {
      List<KeyedPCollectionTuple.TaggedKeyedPCollection<K, ?>> inputs = input.getKeyedCollections();
      boolean direct = !inputs.isEmpty() && shardOnDirectRunner(inputs.get(0).getCollection());
      boolean flink = !inputs.isEmpty() && onFlink(inputs.get(0).getCollection());
      if (!direct && !flink) {
        return input.apply("CoGroupByKey", CoGroupByKey.create());
      }
      CoGbkResultSchema schema = input.getCoGbkResultSchema();
      List<Coder<?>> valueCoders = new ArrayList<>();
      for (KeyedPCollectionTuple.TaggedKeyedPCollection<K, ?> in : inputs) {
        Coder<?> kvCoder = in.getCollection().getCoder();
        valueCoders.add(((KvCoder<?, ?>) kvCoder).getValueCoder());
      }
      UnionCoder unionCoder = UnionCoder.of(valueCoders);
      KvCoder<K, RawUnionValue> unionKv = KvCoder.of(input.getKeyCoder(), unionCoder);
      PCollectionList<KV<K, RawUnionValue>> tables = PCollectionList.empty(input.getPipeline());
      for (int i = 0; i < inputs.size(); i++) {
        tables = tables.and(tag(inputs.get(i).getCollection(), i, unionKv));
      }
      return tables
          .apply("Flatten", Flatten.pCollections())
          .apply("GroupByKey", new ByKey<>())
          .apply("ConstructCoGbkResult", ParDo.of(new ConstructFn<K>(schema, flink)))
          .setCoder(KvCoder.of(input.getKeyCoder(),
              CoGbkResult.CoGbkResultCoder.of(schema, unionCoder)));
    }

    private static <K, V> PCollection<KV<K, RawUnionValue>> tag(
        PCollection<KV<K, V>> in, int index, KvCoder<K, RawUnionValue> coder) {
      return in.apply("MakeUnionTable" + index, ParDo.of(new TagFn<K, V>(index))).setCoder(coder);
    }
  }

  static final class TagFn<K, V> extends DoFn<KV<K, V>, KV<K, RawUnionValue>> {
    private final int index;

    TagFn(int index) {
      this.index = index;
    }

    @ProcessElement
    public void process(@Element KV<K, V> kv, OutputReceiver<KV<K, RawUnionValue>> out) {
      out.output(KV.of(kv.getKey(), new RawUnionValue(index, kv.getValue())));
    }
  }

  /**
   * Builds the {@link CoGbkResult} of a key. Beam's keeps the first 10,000 values in memory and re-reads the grouped
   * values for the rest, but Flink hands grouped values over only once ("GBK result is not re-iterable" once a key
   * has more: a story with 12,000 copies failed so). On Flink every value of the key is read into memory in one
   * pass instead: a join's largest key must fit in the TaskManager's heap.
   */
  static final class ConstructFn<K> extends DoFn<KV<K, Iterable<RawUnionValue>>, KV<K, CoGbkResult>> {
    private final CoGbkResultSchema schema;
    private final boolean onePass;

    ConstructFn(CoGbkResultSchema schema, boolean onePass) {
      this.schema = schema;
      this.onePass = onePass;
    }

    @ProcessElement
    public void process(@Element KV<K, Iterable<RawUnionValue>> kv, OutputReceiver<KV<K, CoGbkResult>> out) {
      out.output(KV.of(kv.getKey(), onePass
          ? new CoGbkResult(schema, kv.getValue(), Integer.MAX_VALUE, 0)
          : new CoGbkResult(schema, kv.getValue())));
    }
  }

  static final class CountPerKey<K, V> extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Long>>> {
    @Override
    public PCollection<KV<K, Long>> expand(PCollection<KV<K, V>> input) {
      if (!shardOnDirectRunner(input)) {
        return input.apply("Count.perKey", Count.perKey());
      }
      Coder<K> keyCoder = ((KvCoder<K, V>) input.getCoder()).getKeyCoder();
      return input.apply("GroupByKey", new ByKey<>())
          .apply("CountValues", ParDo.of(new CountValuesFn<K, V>()))
          .setCoder(KvCoder.of(keyCoder, VarLongCoder.of()));
    }
  }

  static final class CountDistinctPerKey<K> extends PTransform<PCollection<KV<K, Long>>, PCollection<KV<K, Long>>> {
    @Override
    public PCollection<KV<K, Long>> expand(PCollection<KV<K, Long>> input) {
      Coder<K> keyCoder = ((KvCoder<K, Long>) input.getCoder()).getKeyCoder();
      if (!shardOnDirectRunner(input)) {
        return input.apply("CountDistinct", Combine.perKey(new CountDistinctFn()))
            .setCoder(KvCoder.of(keyCoder, VarLongCoder.of()));
      }
      return input.apply("GroupByKey", new ByKey<>())
          .apply("CountDistinctValues", ParDo.of(new CountDistinctValuesFn<K>()))
          .setCoder(KvCoder.of(keyCoder, VarLongCoder.of()));
    }
  }

  /** Counts distinct hashes; the accumulator is the set of them. */
  static final class CountDistinctFn extends Combine.CombineFn<Long, DistinctLongs, Long> {
    @Override
    public DistinctLongs createAccumulator() {
      return new DistinctLongs();
    }

    @Override
    public DistinctLongs addInput(DistinctLongs set, Long value) {
      set.add(value);
      return set;
    }

    @Override
    public DistinctLongs mergeAccumulators(Iterable<DistinctLongs> sets) {
      DistinctLongs merged = new DistinctLongs();
      sets.forEach(merged::addAll);
      return merged;
    }

    @Override
    public Long extractOutput(DistinctLongs set) {
      return (long) set.count();
    }

    @Override
    public Coder<DistinctLongs> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return new DistinctLongsCoder();
    }
  }

  /** A {@link DistinctLongs} as its count and then its values in increasing order, 8 bytes each. */
  static final class DistinctLongsCoder extends AtomicCoder<DistinctLongs> {
    @Override
    public void encode(DistinctLongs set, OutputStream out) throws IOException {
      long[] values = set.toSortedArray();
      DataOutputStream data = new DataOutputStream(out);
      VarInt.encode(values.length, out);
      for (long v : values) {
        data.writeLong(v);
      }
      data.flush();
    }

    @Override
    public DistinctLongs decode(InputStream in) throws IOException {
      int n = VarInt.decodeInt(in);
      DataInputStream data = new DataInputStream(in);
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        values[i] = data.readLong();
      }
      return DistinctLongs.ofSorted(values);
    }

    @Override
    public void verifyDeterministic() {}
  }

  static final class CountDistinctValuesFn<K> extends DoFn<KV<K, Iterable<Long>>, KV<K, Long>> {
    @ProcessElement
    public void process(@Element KV<K, Iterable<Long>> kv, OutputReceiver<KV<K, Long>> out) {
      DistinctLongs set = new DistinctLongs();
      kv.getValue().forEach(set::add);
      out.output(KV.of(kv.getKey(), (long) set.count()));
    }
  }

  static final class CountGlobally extends PTransform<PCollection<?>, PCollection<Long>> {
    @Override
    public PCollection<Long> expand(PCollection<?> input) {
      return input
          .apply("Ones", MapElements.into(TypeDescriptors.longs()).via((Object x) -> 1L))
          .apply("Sum", Sum.longsGlobally());
    }
  }

  static final class CountValuesFn<K, V> extends DoFn<KV<K, Iterable<V>>, KV<K, Long>> {
    @ProcessElement
    public void process(@Element KV<K, Iterable<V>> kv, OutputReceiver<KV<K, Long>> out) {
      long n = 0;
      for (V ignored : kv.getValue()) {
        n++;
      }
      out.output(KV.of(kv.getKey(), n));
    }
  }

  static final class MinPerKey<K, V extends Comparable<? super V>>
      extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, V>>> {
    @Override
    public PCollection<KV<K, V>> expand(PCollection<KV<K, V>> input) {
      if (!shardOnDirectRunner(input)) {
        return input.apply("Min.perKey", Min.perKey());
      }
      return input.apply("GroupByKey", new ByKey<>())
          .apply("MinValue", ParDo.of(new MinValueFn<K, V>()))
          .setCoder(input.getCoder());
    }
  }

  static final class MinValueFn<K, V extends Comparable<? super V>> extends DoFn<KV<K, Iterable<V>>, KV<K, V>> {
    @ProcessElement
    public void process(@Element KV<K, Iterable<V>> kv, OutputReceiver<KV<K, V>> out) {
      V min = null;
      for (V v : kv.getValue()) {
        if (min == null || v.compareTo(min) < 0) {
          min = v;
        }
      }
      out.output(KV.of(kv.getKey(), min));
    }
  }

  static final class CountPerElement<T> extends PTransform<PCollection<T>, PCollection<KV<T, Long>>> {
    @Override
    public PCollection<KV<T, Long>> expand(PCollection<T> input) {
      if (!shardOnDirectRunner(input)) {
        return input.apply("Count.perElement", Count.perElement());
      }
      return input.apply("AsKeys", ParDo.of(new AsKeyFn<T>()))
          .setCoder(KvCoder.of(input.getCoder(), VoidCoder.of()))
          .apply("CountPerKey", new CountPerKey<>());
    }
  }

  static final class Spread<T> extends PTransform<PCollection<T>, PCollection<T>> {
    @Override
    public PCollection<T> expand(PCollection<T> input) {
      if (!shardOnDirectRunner(input)) {
        return input.apply("Reshuffle", Reshuffle.viaRandomKey());
      }
      return input.apply("ToShards", ParDo.of(new ElementShardFn<T>(input.getCoder(), shards(input))))
          .setCoder(KvCoder.of(VarIntCoder.of(), input.getCoder()))
          .apply("GroupShards", GroupByKey.create())
          .apply("Ungroup", ParDo.of(new UngroupFn<T>()))
          .setCoder(input.getCoder());
    }
  }

  static final class ElementShardFn<T> extends DoFn<T, KV<Integer, T>> {
    private final Coder<T> coder;
    private final int shards;

    ElementShardFn(Coder<T> coder, int shards) {
      this.coder = coder;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element T t, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(shardOf(encode(coder, t), shards), t));
    }
  }

  static final class UngroupFn<T> extends DoFn<KV<Integer, Iterable<T>>, T> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<T>> shard, OutputReceiver<T> out) {
      shard.getValue().forEach(out::output);
    }
  }

  static final class DistinctElements<T> extends PTransform<PCollection<T>, PCollection<T>> {
    @Override
    public PCollection<T> expand(PCollection<T> input) {
      if (!shardOnDirectRunner(input)) {
        return input.apply("Distinct", Distinct.create());
      }
      return input.apply("AsKeys", ParDo.of(new AsKeyFn<T>()))
          .setCoder(KvCoder.of(input.getCoder(), VoidCoder.of()))
          .apply("GroupByKey", new ByKey<>())
          .apply("Keys", ParDo.of(new KeyFn<T>()))
          .setCoder(input.getCoder());
    }
  }

  static final class AsKeyFn<T> extends DoFn<T, KV<T, Void>> {
    @ProcessElement
    public void process(@Element T t, OutputReceiver<KV<T, Void>> out) {
      out.output(KV.of(t, null));
    }
  }

  static final class KeyFn<T> extends DoFn<KV<T, Iterable<Void>>, T> {
    @ProcessElement
    public void process(@Element KV<T, Iterable<Void>> kv, OutputReceiver<T> out) {
      out.output(kv.getKey());
    }
  }
}
