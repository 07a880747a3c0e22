extension SearchTokenizer {
    /// The two Unicode properties the tokenizer asks of a character outside ASCII and the CJK
    /// blocks, looked up once per character of the Basic Multilingual Plane: Chinese text is
    /// full of punctuation (、。〔〕“”…), and asking the Unicode tables for each one was a tenth
    /// of tokenizing in a bulk import. Characters beyond the plane are asked directly.
    enum CharacterTable {
        private static let wordBit: UInt8 = 1
        private static let uppercaseBit: UInt8 = 2

        private static let flags: [UInt8] = (0..<0x1_0000).map { value in
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
            var flags: UInt8 = 0
            if askIsWordCharacter(scalar) { flags |= wordBit }
            if scalar.properties.isUppercase { flags |= uppercaseBit }
            return flags
        }

        /// A letter or digit of any script.
        static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x1_0000 ? flags[Int(scalar.value)] & wordBit != 0 : askIsWordCharacter(scalar)
        }

        static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x1_0000 ? flags[Int(scalar.value)] & uppercaseBit != 0 : scalar.properties.isUppercase
        }

        private static func askIsWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}
