package io.newsbeam.testing;

import java.io.*;
import org.apache.pdfbox.pdmodel.*;
import org.apache.pdfbox.pdmodel.font.*;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.xwpf.usermodel.*;

/** Regenerates the binary fixtures of sample-input/ (PDF, DOCX, truncated PDF): run its main with the folder. */
public final class SampleFixtures {
  public static void main(String[] a) throws Exception {
    String dir = a[0];
    String[] pdf = {
      "Coastal Flood Warning Issued for Bayport After Record Spring Tides",
      "Bayport Emergency Management Office - Press Release - April 9, 2024",
      "The Bayport Emergency Management Office issued a coastal flood warning on Tuesday for the harbor district and the low-lying neighborhoods along Shore Drive, after spring tides reached the highest level recorded at the city's tide gauge since 1998.",
      "Water overtopped the sea wall near the ferry terminal twice on Monday evening, flooding parking lots and closing two blocks of Harbor Street for several hours. No injuries were reported.",
      "Forecasters expect the next two high tides, early Wednesday morning and Wednesday evening, to run about a foot above normal, driven by onshore winds and a full moon.",
      "Residents of Shore Drive are asked to move vehicles to higher ground, to keep storm drains clear of debris and to avoid driving through standing water. Sandbags are available at the public works yard on Elm Street until 8 p.m.",
      "The office will reassess the warning on Thursday morning, when winds are forecast to turn offshore."
    };
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.LETTER);
      doc.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 11);
        cs.setLeading(14);
        cs.newLineAtOffset(60, 730);
        for (String para : pdf) {
          for (String line : wrap(para, 90)) { cs.showText(line); cs.newLine(); }
          cs.newLine();
        }
        cs.endText();
      }
      doc.getDocumentInformation().setTitle(pdf[0]);
      doc.getDocumentInformation().setAuthor("Bayport Emergency Management Office");
      java.util.Calendar created = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
      created.setTimeInMillis(java.time.Instant.parse("2024-04-09T14:00:00Z").toEpochMilli());
      doc.getDocumentInformation().setCreationDate(created);
      doc.save(new File(dir, "bayport-flood-warning.pdf"));
    }
    byte[] pdfBytes = java.nio.file.Files.readAllBytes(new File(dir, "bayport-flood-warning.pdf").toPath());
    java.nio.file.Files.write(new File(dir, "broken-truncated.pdf").toPath(), java.util.Arrays.copyOf(pdfBytes, 700));
    String[] docx = {
      "Northwind Grain Cooperative reports higher harvest and record exports",
      "By Lena Fischer",
      "The Northwind Grain Cooperative said on Friday that its members harvested 1.2 million tonnes of wheat and barley last season, eight percent more than the year before, and that exports through the port of Elmstead reached a record.",
      "Chief executive Arne Holm told members at the annual meeting that dry weather in late summer had helped the harvest, while new storage silos built with a regional grant had allowed the cooperative to hold grain until prices recovered in the winter.",
      "The cooperative will pay members a bonus of four percent on deliveries, its first since 2019. Holm warned that fertiliser costs remain high and that the coming season depends on spring rainfall.",
      "Members also approved a plan to install solar panels on the roofs of three grain stores, which the board expects to cover most of the cooperative's electricity use by 2026."
    };
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle(docx[0]);
      doc.getProperties().getCoreProperties().setCreator("Lena Fischer");
      doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(java.time.Instant.parse("2024-03-01T09:00:00Z"))));
      for (String para : docx) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(para);
      }
      try (OutputStream out = new FileOutputStream(new File(dir, "northwind-harvest.docx"))) { doc.write(out); }
    }
  }
  static java.util.List<String> wrap(String s, int width) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : s.split(" ")) {
      if (line.length() + w.length() + 1 > width) { out.add(line.toString()); line.setLength(0); }
      if (line.length() > 0) line.append(' ');
      line.append(w);
    }
    if (line.length() > 0) out.add(line.toString());
    return out;
  }
}
