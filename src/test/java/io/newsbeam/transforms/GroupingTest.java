package io.newsbeam.transforms;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import io.newsbeam.text.DistinctLongs;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/**
 * Grouping's sharded DirectRunner path (the one TestPipeline takes) gives the same multimap, counts and
 * distinct elements as Beam's transforms define, for many keys spread over every shard.
 */
public class GroupingTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  /** 500 keys, key i holding the values 0..(i % 7): a few keys per shard at least, groups of several sizes. */
  private static List<KV<String, Integer>> pairs() {
    List<KV<String, Integer>> kvs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      for (int v = i % 7; v >= 0; v--) {
        kvs.add(KV.of("k" + i, v));
      }
    }
    return kvs;
  }

  private static Map<String, String> expectedGroups() {
    Map<String, String> m = new TreeMap<>();
    for (KV<String, Integer> kv : pairs()) {
      m.merge(kv.getKey(), String.valueOf(kv.getValue()), (a, b) -> sortedJoin(a + "," + b));
    }
    return m;
  }

  private static String sortedJoin(String csv) {
    return java.util.Arrays.stream(csv.split(",")).sorted().collect(Collectors.joining(","));
  }

  private PCollection<KV<String, Integer>> input() {
    return p.apply(Create.of(pairs()).withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())));
  }

  private static List<KV<String, String>> asKvs(Map<String, String> m) {
    List<KV<String, String>> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(KV.of(k, v)));
    return out;
  }

  @Test
  public void sortableKeysSpreadSharedPrefixesAndGiveTheIdBack() {
    List<String> ids = List.of("2013-09-14-queens-8256e0a6", "2013-09-14-queens-8256e0a7", "undated-surrey-13a9cfe0",
        "undated-surrey-13a9cfe1", "a:b:c", "");
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    for (String id : ids) {
      String key = Grouping.sortableKey(id);
      assertEquals(id, Grouping.idOf(key));
      prefixes.add(key.substring(0, 8));
    }
    assertEquals("ids that share their first characters get different leading bytes", ids.size(), prefixes.size());
    assertNotEquals(Grouping.sortableKey("x"), Grouping.sortableKey("y"));
  }

  @Test
  public void theTestPipelineTakesTheShardedPath() {
    assertTrue(Grouping.shardOnDirectRunner(input()));
    p.run().waitUntilFinish();
  }

  @Test
  public void spreadKeepsEveryElementOnce() {
    PAssert.that(input().apply(Grouping.spread())).containsInAnyOrder(pairs());
    p.run().waitUntilFinish();
  }

  @Test
  public void byKeyGivesEveryKeyAllItsValuesOnce() {
    PCollection<KV<String, String>> groups = input()
        .apply(Grouping.byKey())
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((KV<String, Iterable<Integer>> kv) -> KV.of(kv.getKey(), sortedJoin(
                StreamSupport.stream(kv.getValue().spliterator(), false).map(String::valueOf).collect(Collectors.joining(","))))));
    PAssert.that(groups).containsInAnyOrder(asKvs(expectedGroups()));
    p.run().waitUntilFinish();
  }

  @Test
  public void coGroupByKeyJoinsBothTablesPerKey() {
    TupleTag<Integer> left = new TupleTag<>("left");
    TupleTag<String> right = new TupleTag<>("right");
    PCollection<KV<String, String>> rightTable = p.apply("Right", Create.of(KV.of("k1", "a"), KV.of("k1", "b"), KV.of("only-right", "c"))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    PCollection<KV<String, Integer>> leftTable = p.apply("Left", Create.of(KV.of("k1", 1), KV.of("only-left", 2))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())));
    PCollection<String> joined = KeyedPCollectionTuple.of(left, leftTable).and(right, rightTable)
        .apply(Grouping.coGroupByKey())
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, CoGbkResult> kv) -> {
          List<String> l = new ArrayList<>();
          kv.getValue().getAll(left).forEach(v -> l.add(String.valueOf(v)));
          List<String> r = new ArrayList<>();
          kv.getValue().getAll(right).forEach(r::add);
          return kv.getKey() + "=" + l.stream().sorted().toList() + r.stream().sorted().toList();
        }));
    PAssert.that(joined).containsInAnyOrder("k1=[1][a, b]", "only-left=[2][]", "only-right=[][c]");
    p.run().waitUntilFinish();
  }

  @Test
  public void countsMinimaAndDistinctMatchTheirDefinitions() {
    PCollection<KV<String, Integer>> in = input();
    List<KV<String, Long>> counts = new ArrayList<>();
    List<KV<String, Integer>> minima = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      counts.add(KV.of("k" + i, (long) (i % 7 + 1)));
      minima.add(KV.of("k" + i, 0));
    }
    PAssert.that(in.apply("CountPerKey", Grouping.countPerKey())).containsInAnyOrder(counts);
    PAssert.that(in.apply("MinPerKey", Grouping.minPerKey())).containsInAnyOrder(minima);
    PCollection<String> keys = in.apply("Keys", MapElements.into(TypeDescriptors.strings()).via(KV::getKey));
    List<String> distinctKeys = new ArrayList<>(expectedGroups().keySet());
    PAssert.that(keys.apply("Distinct", Grouping.distinct())).containsInAnyOrder(distinctKeys);
    PAssert.that(keys.apply("CountPerElement", Grouping.countPerElement())).containsInAnyOrder(counts);
    p.run().waitUntilFinish();
  }

  /** Key i holds the hashes 0..(i % 5), each twice, and one large negative hash: (i % 5) + 2 distinct values. */
  private static List<KV<String, Long>> hashes() {
    List<KV<String, Long>> kvs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      for (long v = i % 5; v >= 0; v--) {
        kvs.add(KV.of("k" + i, v));
        kvs.add(KV.of("k" + i, v));
      }
      kvs.add(KV.of("k" + i, Long.MIN_VALUE + i));
    }
    return kvs;
  }

  @Test
  public void countDistinctPerKeyCountsEachValueOnce() {
    List<KV<String, Long>> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add(KV.of("k" + i, (long) (i % 5 + 2)));
    }
    PAssert.that(p.apply(Create.of(hashes()).withCoder(KvCoder.of(StringUtf8Coder.of(), BigEndianLongCoder.of())))
            .apply(Grouping.countDistinctPerKey()))
        .containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  /** The combine the other runners take: same counts however the inputs are split and merged. */
  @Test
  public void theCountDistinctCombineAndItsAccumulatorCoderAgree() throws Exception {
    List<Long> values = new ArrayList<>();
    for (KV<String, Long> kv : hashes()) {
      if (kv.getKey().equals("k4")) {
        values.add(kv.getValue());
      }
    }
    CombineFnTester.testCombineFn(new Grouping.CountDistinctFn(), values, 6L);
    DistinctLongs set = new DistinctLongs();
    values.forEach(set::add);
    DistinctLongs decoded = CoderUtils.clone(new Grouping.DistinctLongsCoder(), set);
    assertArrayEquals(set.toSortedArray(), decoded.toSortedArray());
    assertArrayEquals("the same set encodes to the same bytes",
        CoderUtils.encodeToByteArray(new Grouping.DistinctLongsCoder(), set),
        CoderUtils.encodeToByteArray(new Grouping.DistinctLongsCoder(), decoded));
  }
}
