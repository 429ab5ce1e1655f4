// Package demo builds a realistic fictional province for trying cchc: the
// People's Committee of tỉnh Phú Sơn, its departments with the names and
// abbreviations documents use, public service units and media, nine former
// districts with about two hundred communes, and the history that brought
// them to today's two-tier shape (departments merged on 01/03/2025,
// districts dissolved and communes merged on 01/07/2025). `cchc serve
// --demo` runs Build on an empty database and prints Accounts.
package demo
