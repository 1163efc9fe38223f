/// Quotes untrusted deck text for a message: in double quotes, with `"` and `\` escaped
/// and control and invisible characters (bidirectional controls, zero-width characters)
/// written as `\u{1B}`, so a message never carries a raw control character to the terminal
/// and shows what is hidden in the text.
func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        default:
            if TextRules.isForbidden(scalar) || TextRules.isInvisible(scalar) || scalar == "\t" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
