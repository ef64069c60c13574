package io.newsbeam.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsbeam.report.ProgressTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class FlinkRestProgressTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  public void findsTheNewestJobOfTheRunsName() throws Exception {
    JsonNode overview = json("{'jobs':["
        + "{'jid':'old','name':'newsbeam-x','state':'FINISHED','start-time':100},"
        + "{'jid':'other','name':'someone-else','state':'RUNNING','start-time':300},"
        + "{'jid':'new','name':'newsbeam-x','state':'RUNNING','start-time':200}]}");
    assertEquals("new", FlinkRestProgress.findJob(overview, "newsbeam-x"));
    assertNull(FlinkRestProgress.findJob(overview, "newsbeam-y"));
  }

  @Test
  public void filesDoneAreTheRecordsIntoTheReadingVertexAndStagesComeFromStepNames() throws Exception {
    JsonNode job = json("{'jid':'j','state':'RUNNING','vertices':["
        + "{'name':'DataSource (at ReadRawDocuments/MatchInput/Create.Values/Read(CreateSource))','status':'FINISHED',"
        + " 'metrics':{'read-records':0,'write-records':40}},"
        + "{'name':'CHAIN MapPartition (MapPartition at ReadRawDocuments/ReadBytes/ParMultiDo(Read)) ->"
        + " MapPartition (MapPartition at ExtractContent/Extract)','status':'RUNNING',"
        + " 'metrics':{'read-records':25,'write-records':20}},"
        + "{'name':'GroupReduce (GroupReduce at CollapseDuplicates/GroupExactCopies)','status':'CREATED',"
        + " 'metrics':{'read-records':0,'write-records':0}}]}");
    Map<String, Long> c = FlinkRestProgress.counters(job, 40);
    assertEquals(Long.valueOf(40), c.get(ProgressTracker.MATCHED));
    assertEquals(Long.valueOf(25), c.get(ProgressTracker.FILES));
    assertEquals(Long.valueOf(65), c.get("newsbeam.ReadRawDocuments/records")); // 40 written by the match + 25 read
    assertEquals(Long.valueOf(0), c.get("newsbeam.CollapseDuplicates/records"));

    ProgressTracker t = new ProgressTracker(0);
    t.sample(5_000, c);
    String line = t.line(5_000);
    assertEquals("newsbeam: files 25/40 (62%) · 5.0 files/s · 1/3 steps done · ETA 0:03 · 0:05 elapsed", line);
  }

  @Test
  public void aFinishedReadingVertexMeansEveryMatchedFileWasRead() throws Exception {
    JsonNode job = json("{'vertices':[{'name':'MapPartition (MapPartition at ReadRawDocuments/ReadBytes/ParMultiDo(Read))',"
        + "'status':'FINISHED','metrics':{'read-records':7,'write-records':7}}]}");
    assertEquals(Long.valueOf(7), FlinkRestProgress.counters(job, 7).get(ProgressTracker.FILES));
  }

  @Test
  public void launcherGivesAnEmbeddedFlinkClusterARestPortAndLeavesOtherRunnersAlone() {
    List<String> direct = new ArrayList<>(List.of("--runner=DirectRunner"));
    assertNull(Launch.prepareFlinkRest(direct));
    assertEquals(1, direct.size());

    List<String> cluster = new ArrayList<>(List.of("--runner=FlinkRunner", "--flinkMaster=localhost:8081"));
    assertEquals("http://localhost:8081", Launch.prepareFlinkRest(cluster).toString());
    assertEquals(2, cluster.size());

    List<String> local = new ArrayList<>(List.of("--runner=FlinkRunner", "--flinkMaster=[local]"));
    String rest = Launch.prepareFlinkRest(local).toString();
    assertEquals(3, local.size());
    assertEquals(true, local.get(2).startsWith("--flinkConfDir="));
    assertEquals(true, rest.startsWith("http://127.0.0.1:"));

    List<String> own = new ArrayList<>(List.of("--runner=FlinkRunner", "--flinkConfDir=/etc/flink"));
    assertNull("a user's own Flink configuration is not replaced", Launch.prepareFlinkRest(own));
  }
}
