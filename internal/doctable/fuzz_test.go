package doctable

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Fuzz targets: Read must never panic, and either refuse with an *Error or
// return a Document within the limits. The *Bytes targets mutate whole
// files; the others mutate the XML inside a valid package, which reaches
// deeper since a mutated zip mostly fails its checksums.

// seedBodies are document bodies covering what the DOCX reader knows.
var seedBodies = []string{
	para("KẾ HOẠCH") + `<w:p/>` + para("Cải cách"),
	numPara(1, 0, "Một") + numPara(1, 1, "con") + numPara(4, 1, "hai cấp") + styledPara("MucCon", "kiểu"),
	tbl(
		tr(tc(`<w:gridSpan w:val="2"/>`, para("Phụ lục")), tc(`<w:vMerge w:val="restart"/>`, para("Sở"))),
		tr(cell("1", "a) Thời hạn"), tc("", tbl(tr(cell("lồng"), cell("nhau")))), tc(`<w:vMerge/>`)),
		`<w:tr><w:trPr><w:gridBefore w:val="1"/><w:del/></w:trPr>`+cell("x")+`</w:tr>`,
	),
	`<w:p>` + run("Giữ ") + `<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:ins>` + run("thêm") + `</w:ins><w:r><w:instrText>PAGE</w:instrText><w:tab/><w:br/></w:r><w:sdt><w:sdtContent>` + run("x") + `</w:sdtContent></w:sdt></w:p>`,
}

func FuzzReadDOCX(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, sampleBlocks()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	for _, body := range seedBodies {
		f.Add(buildDOCX(f, docxParts{body: body, numbering: testNumbering, styles: testStyles}))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("f.docx", data)
		checkLimits(t, doc, err)
	})
}

func FuzzReadDOCXXML(f *testing.F) {
	for _, body := range seedBodies {
		f.Add(body, testNumbering, testStyles)
	}
	f.Fuzz(func(t *testing.T, body, numbering, styles string) {
		data := buildDOCX(t, docxParts{body: body, numbering: numbering, styles: styles})
		doc, err := Read("f.docx", data)
		checkLimits(t, doc, err)
	})
}

func FuzzReadTXT(f *testing.F) {
	f.Add([]byte("Phụ lục\n\tSTT\n\tNHIỆM VỤ\n\n\t1\n\ta) x\nb) y\n\n\t\n\t1....\n\n2....\n\n\n\u00a0\nCuối"))
	f.Add([]byte("\ufeffSTT\r\n\r\n \u00a0 \r\n1\r"))
	f.Add([]byte{0xFF, 0xFE, 'K', 0, 0xBF, 0x1E, '\t', 0, '\n', 0}) // "Kế\t\n"
	f.Add([]byte{0xFE, 0xFF, 0xD8, 0x00, '\n'})
	for _, name := range []string{"thanhhoa-2012-par-plan-2011-2015.txt", "guidance-2012-annual-par-plan-template.txt"} {
		if data, err := os.ReadFile(filepath.Join("/work/shared/seeds", name)); err == nil {
			f.Add(data[:min(len(data), 8000)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("f.txt", data)
		checkLimits(t, doc, err)
	})
}

// seedWorkbook is a small workbook with merges, several sheets and a hidden
// one.
func seedWorkbook(tb testing.TB) []byte {
	return buildXLSX(tb, func(f *excelize.File) error {
		if err := setRows(f, "Kế hoạch", 1, []any{"Phụ lục I"}, []any{1, "Rà soát\nBáo cáo", 1500000}, []any{2, nil, 2.5}); err != nil {
			return err
		}
		if err := f.MergeCell("Kế hoạch", "A1", "C1"); err != nil {
			return err
		}
		if err := f.MergeCell("Kế hoạch", "C2", "C3"); err != nil {
			return err
		}
		if _, err := f.NewSheet("Ẩn"); err != nil {
			return err
		}
		if err := setRows(f, "Ẩn", 2, []any{"x"}); err != nil {
			return err
		}
		return f.SetSheetVisible("Ẩn", false)
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(seedWorkbook(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("f.xlsx", data)
		checkLimits(t, doc, err)
	})
}

func FuzzReadXLSXXML(f *testing.F) {
	parts := unzip(f, seedWorkbook(f))
	f.Add(parts["xl/worksheets/sheet1.xml"], parts["xl/sharedStrings.xml"], parts[partWorkbook])
	f.Fuzz(func(t *testing.T, sheet, shared, workbook string) {
		changed := make(map[string]string, len(parts))
		for name, content := range parts {
			changed[name] = content
		}
		changed["xl/worksheets/sheet1.xml"] = sheet
		changed["xl/sharedStrings.xml"] = shared
		changed[partWorkbook] = workbook
		doc, err := Read("f.xlsx", zipParts(t, changed))
		checkLimits(t, doc, err)
	})
}

// unzip returns the parts of a zip file.
func unzip(tb testing.TB, data []byte) map[string]string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	return parts
}
