package org

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/civil"
	"cchc/internal/valid"
)

// The unit workbook (bảng tính đơn vị) is one sheet, "Đơn vị", with a header
// row and one unit per row. The same columns serve the import template, the
// import and the export, so an exported file can be edited and imported back.

// SheetUnits and SheetHelp name the sheets of the unit workbook.
const (
	SheetUnits = "Đơn vị"
	SheetHelp  = "Hướng dẫn"
)

// MaxImportRows is the most units one workbook may carry.
const MaxImportRows = 20000

// XLSXContentType is the media type of an .xlsx workbook.
const XLSXContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Column indexes into xlsxColumns.
const (
	colCode = iota
	colName
	colShort
	colKind
	colParent
	colFrom
	colTo
	colAddress
	colPhone
	colEmail
	colAliases
	colSuccessor
	numColumns
)

// xlsxColumn describes one column of the unit workbook.
type xlsxColumn struct {
	Header string   // as written in row 1
	Alt    []string // other headers accepted on import
	Field  string   // the valid.Errors key whose messages belong to this column
	Width  float64
	Import bool   // part of the template and read on import
	Need   string // "Bắt buộc", "Không bắt buộc" ... for the instructions sheet
	Help   string // explanation for the instructions sheet
}

var xlsxColumns = [numColumns]xlsxColumn{
	colCode: {Header: "Mã đơn vị", Field: "code", Width: 16, Import: true, Need: "Bắt buộc",
		Help: "Mã duy nhất của đơn vị, tối đa 32 ký tự: chữ cái không dấu, chữ số và các dấu . _ - (ví dụ: SNV, XA-001). " +
			"Nếu mã đã có trong hệ thống, dòng này sửa thông tin của đơn vị đó; nếu chưa có, đơn vị mới được tạo."},
	colName: {Header: "Tên đơn vị", Field: "name", Width: 42, Import: true, Need: "Bắt buộc",
		Help: "Tên đầy đủ, tối đa 255 ký tự (ví dụ: Sở Nội vụ, Ủy ban nhân dân xã An Phú)."},
	colShort: {Header: "Tên viết tắt", Field: "short_name", Width: 16, Import: true, Need: "Không bắt buộc",
		Help: "Tên ngắn dùng trong bảng biểu, tối đa 100 ký tự (ví dụ: SNV)."},
	colKind: {Header: "Loại đơn vị", Field: "kind", Width: 34, Import: true, Need: "Bắt buộc với đơn vị mới",
		Help: "Chọn một loại trong danh sách bên dưới: ghi tên loại hoặc mã loại. Để trống khi sửa đơn vị đã có thì giữ nguyên loại."},
	colParent: {Header: "Mã đơn vị cấp trên", Alt: []string{"Mã cấp trên", "Đơn vị cấp trên"}, Field: "parent", Width: 20, Import: true,
		Need: "Không bắt buộc",
		Help: "Mã của đơn vị cấp trên trực tiếp: một đơn vị đã có trong hệ thống hoặc một đơn vị ở dòng khác trong tệp " +
			"(thứ tự các dòng không quan trọng). Để trống nếu là đơn vị cấp cao nhất."},
	colFrom: {Header: "Hoạt động từ ngày", Alt: []string{"Từ ngày"}, Field: "active_from", Width: 18, Import: true, Need: "Không bắt buộc",
		Help: "Ngày đơn vị bắt đầu hoạt động, dạng dd/mm/yyyy (ví dụ: 01/07/2025) hoặc ô kiểu ngày của Excel. " +
			"Để trống: đơn vị mới lấy ngày nhập tệp, đơn vị đã có giữ nguyên ngày cũ."},
	colTo: {Header: "Hoạt động đến ngày", Alt: []string{"Đến ngày"}, Field: "active_to", Width: 18, Need: "Chỉ để xem",
		Help: "Có trong tệp xuất: ngày cuối cùng đơn vị hoạt động. Khi nhập, cột này không được dùng để thay đổi: " +
			"giá trị khác với hệ thống bị từ chối; để kết thúc hoạt động của đơn vị, dùng chức năng Giải thể hoặc Sáp nhập."},
	colAddress: {Header: "Địa chỉ", Field: "address", Width: 36, Import: true, Need: "Không bắt buộc",
		Help: "Địa chỉ trụ sở, tối đa 255 ký tự."},
	colPhone: {Header: "Điện thoại", Alt: []string{"Số điện thoại"}, Field: "phone", Width: 16, Import: true, Need: "Không bắt buộc",
		Help: "Số điện thoại, tối đa 50 ký tự. Nên định dạng ô là văn bản để giữ số 0 ở đầu."},
	colEmail: {Header: "Email", Alt: []string{"Thư điện tử", "E-mail"}, Field: "email", Width: 28, Import: true, Need: "Không bắt buộc",
		Help: "Địa chỉ thư điện tử của đơn vị."},
	colAliases: {Header: "Tên gọi khác", Alt: []string{"Tên khác"}, Field: "aliases", Width: 36, Import: true, Need: "Không bắt buộc",
		Help: "Các cách viết khác của tên đơn vị trong văn bản, cách nhau bằng dấu chấm phẩy (ví dụ: Sở NV; Sở Nội vu). " +
			"Giúp hệ thống nhận ra đơn vị khi đọc kế hoạch, báo cáo."},
	colSuccessor: {Header: "Đơn vị kế thừa", Field: "successor", Width: 18, Need: "Chỉ để xem",
		Help: "Có trong tệp xuất: mã của đơn vị tiếp nhận khi đơn vị này đã sáp nhập. Bỏ qua khi nhập."},
}

// ErrNotXLSX is the problem reported for a file that is not an .xlsx
// workbook (checked by its first bytes, never by its name).
var ErrNotXLSX error = valid.Problem{Message: "Tệp không phải là tệp Excel (.xlsx) hợp lệ."}

// LooksLikeXLSX reports whether a file starting with prefix may be an .xlsx
// workbook: a zip archive ("PK\x03\x04").
func LooksLikeXLSX(prefix []byte) bool { return bytes.HasPrefix(prefix, zipMagic) }

// Vietnamese messages for problems with the file as a whole.
const (
	msgNoHeader  = "Không tìm thấy dòng tiêu đề có các cột “Mã đơn vị” và “Tên đơn vị”. Vui lòng dùng tệp mẫu và giữ nguyên dòng tiêu đề."
	msgNoRows    = "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."
	msgTooMany   = "Tệp có quá nhiều dòng: mỗi lần nhập tối đa 20.000 đơn vị. Vui lòng chia thành nhiều tệp."
	dateExample  = "01/07/2025"
	headerSearch = 10 // the header row must be among the first rows of a sheet
)

// ImportOptions tunes ImportXLSX.
type ImportOptions struct {
	// Today is the day a new unit starts when its row gives none; zero means
	// today in Vietnam.
	Today civil.Date
	// DryRun checks and applies every row inside the transaction, then rolls
	// it back: the result says what an import would do.
	DryRun bool
}

// ImportResult counts what an import did with the rows of the file.
type ImportResult struct {
	Created, Updated, Unchanged int
}

// RowError is one problem in one row (and column, when it is about one) of
// an imported file. Row is the row number Excel shows.
type RowError struct {
	Row     int
	Column  string
	Message string
}

// String returns the error as a Vietnamese sentence naming row and column.
func (e RowError) String() string {
	if e.Column == "" {
		return fmt.Sprintf("Dòng %d: %s", e.Row, e.Message)
	}
	return fmt.Sprintf("Dòng %d, cột “%s”: %s", e.Row, e.Column, e.Message)
}

// ImportErrors is every row problem of a refused import, in row order.
// When ImportXLSX returns it, nothing was written.
type ImportErrors []RowError

func (e ImportErrors) Error() string {
	lines := make([]string, len(e))
	for i, re := range e {
		lines[i] = re.String()
	}
	return strings.Join(lines, "\n")
}

// ImportTemplate writes an empty unit workbook for users to fill in: the
// "Đơn vị" sheet with headers, two example rows and a drop-down list of
// kinds, and the "Hướng dẫn" sheet explaining each column.
func ImportTemplate(w io.Writer, kinds []Kind) error {
	f := excelize.NewFile()
	defer f.Close()
	var cols []int
	for c := range numColumns {
		if xlsxColumns[c].Import {
			cols = append(cols, c)
		}
	}
	if err := writeUnitSheet(f, cols); err != nil {
		return err
	}
	kindName := func(code, fallback string) string {
		for _, k := range kinds {
			if k.Code == code {
				return k.Name
			}
		}
		return fallback
	}
	examples := [][numColumns]string{
		{colCode: "SNV", colName: "Sở Nội vụ", colShort: "SNV", colKind: kindName("agency", "agency"), colParent: "TINH",
			colFrom: "01/01/2020", colAddress: "Số 1 đường Trần Phú", colPhone: "0236 3822 123", colEmail: "snv@example.gov.vn",
			colAliases: "Sở NV; Sở Nội vu"},
		{colCode: "SNV-LT", colName: "Trung tâm Lưu trữ lịch sử", colKind: kindName("public_service", "public_service"),
			colParent: "SNV", colFrom: "01/07/2025"},
	}
	for i, ex := range examples {
		row := make([]any, len(cols))
		for j, c := range cols {
			if ex[c] != "" {
				row[j] = ex[c]
			}
		}
		if err := f.SetSheetRow(SheetUnits, cell(1, i+2), &row); err != nil {
			return err
		}
	}
	italic, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "6B7280"}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetUnits, cell(1, 2), cell(len(cols), 3), italic); err != nil {
		return err
	}
	kindsTop, err := writeHelpSheet(f, kinds)
	if err != nil {
		return err
	}
	if len(kinds) > 0 {
		kindCol := slices.Index(cols, colKind) + 1
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cell(kindCol, 2) + ":" + cell(kindCol, MaxImportRows+1))
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$B$%d:$B$%d", SheetHelp, kindsTop, kindsTop+len(kinds)-1))
		dv.ShowErrorMessage = false // a kind code typed by hand is accepted too
		if err := f.AddDataValidation(SheetUnits, dv); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// writeUnitSheet renames the first sheet to "Đơn vị" and writes the bold
// header row of cols, their widths and a frozen header.
func writeUnitSheet(f *excelize.File, cols []int) error {
	if err := f.SetSheetName(f.GetSheetName(0), SheetUnits); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = xlsxColumns[c].Header
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(SheetUnits, name, name, xlsxColumns[c].Width); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(SheetUnits, "A1", &header); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3E3C3"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetUnits, "A1", cell(len(cols), 1), bold); err != nil {
		return err
	}
	return f.SetPanes(SheetUnits, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeHelpSheet writes the instructions and the list of kinds, and returns
// the row of the first kind (the drop-down list refers to it).
func writeHelpSheet(f *excelize.File, kinds []Kind) (int, error) {
	if _, err := f.NewSheet(SheetHelp); err != nil {
		return 0, err
	}
	lines := [][]any{
		{"HƯỚNG DẪN NHẬP DANH SÁCH ĐƠN VỊ"},
		{},
		{"1. Nhập mỗi đơn vị trên một dòng của trang “Đơn vị”, giữ nguyên dòng tiêu đề (thứ tự các cột có thể thay đổi, cột không có trong bảng dưới đây được bỏ qua)."},
		{"2. Xóa hai dòng ví dụ (chữ nghiêng) trước khi nhập."},
		{"3. Ngày ghi theo dạng dd/mm/yyyy, ví dụ " + dateExample + "."},
		{"4. Tệp được kiểm tra toàn bộ trước khi ghi: nếu có bất kỳ dòng nào sai, không dữ liệu nào được ghi và hệ thống liệt kê tất cả các dòng cần sửa."},
		{"5. Dòng có mã đã có trong hệ thống sẽ đính chính thông tin hiện tại của đơn vị đó (không tạo lịch sử). Để ghi nhận đổi tên, chuyển đơn vị cấp trên, sáp nhập hay giải thể có hiệu lực từ một ngày, dùng các chức năng tương ứng trên trang đơn vị."},
		{"6. Mỗi lần nhập tối đa 20.000 đơn vị, tệp không quá 10 MB."},
		{},
		{"Cột", "Yêu cầu", "Giải thích"},
	}
	for c := range numColumns {
		col := xlsxColumns[c]
		lines = append(lines, []any{col.Header, col.Need, col.Help})
	}
	lines = append(lines, []any{}, []any{"Mã loại", "Loại đơn vị"})
	kindsTop := len(lines) + 1
	for _, k := range kinds {
		lines = append(lines, []any{k.Code, k.Name})
	}
	for i := range lines {
		if err := f.SetSheetRow(SheetHelp, cell(1, i+1), &lines[i]); err != nil {
			return 0, err
		}
	}
	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 24}, {"B", 36}, {"C", 100}} {
		if err := f.SetColWidth(SheetHelp, w.col, w.col, w.width); err != nil {
			return 0, err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return 0, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return 0, err
	}
	tableTop := 10
	for _, r := range []int{1, tableTop, kindsTop - 1} {
		if err := f.SetCellStyle(SheetHelp, cell(1, r), cell(3, r), bold); err != nil {
			return 0, err
		}
	}
	if err := f.SetCellStyle(SheetHelp, cell(1, tableTop+1), cell(3, tableTop+int(numColumns)), wrap); err != nil {
		return 0, err
	}
	return kindsTop, nil
}

// cell returns the A1 reference of column col (1-based) and row.
func cell(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // col and row come from this file and are always positive
	}
	return ref
}
