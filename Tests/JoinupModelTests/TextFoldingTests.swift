import Foundation
import JoinupTestSupport
import Testing
@testable import JoinupModel

/// The fold every search shares: each letter of the EU's official languages against a table
/// written by hand, and the fast paths against the reference (Foundation's fold plus the letters
/// Unicode does not decompose).
@Suite struct TextFoldingTests {
    /// Per language, each letter as "Upper lower=fold"; the folds are written by hand, not computed.
    /// Latin folds to ASCII (ß ss, æ ae, œ oe, þ th, ĳ ij, the rest to the base letter), Greek to
    /// unaccented lower case with ς as σ, Cyrillic to Cyrillic lower case without the breve or
    /// grave of й and ѝ.
    static let alphabets: [(language: String, letters: String)] = [
        ("Latin A–Z", "Aa=a Bb=b Cc=c Dd=d Ee=e Ff=f Gg=g Hh=h Ii=i Jj=j Kk=k Ll=l Mm=m Nn=n Oo=o Pp=p Qq=q Rr=r Ss=s Tt=t Uu=u Vv=v Ww=w Xx=x Yy=y Zz=z"),
        ("Croatian", "Čč=c Ćć=c Đđ=d Šš=s Žž=z Ǆǆ=dz ǅǆ=dz Ǉǉ=lj ǈǉ=lj Ǌǌ=nj ǋǌ=nj"),
        ("Czech", "Áá=a Čč=c Ďď=d Éé=e Ěě=e Íí=i Ňň=n Óó=o Řř=r Šš=s Ťť=t Úú=u Ůů=u Ýý=y Žž=z"),
        ("Danish", "Ææ=ae Øø=o Åå=a Éé=e Ǿǿ=o Ǽǽ=ae"),
        ("Dutch", "Ĳĳ=ij Áá=a Éé=e Íí=i Óó=o Úú=u Ëë=e Ïï=i Öö=o Üü=u Èè=e Àà=a"),
        ("Estonian", "Šš=s Žž=z Õõ=o Ää=a Öö=o Üü=u"),
        ("Finnish", "Åå=a Ää=a Öö=o Šš=s Žž=z"),
        ("French", "Àà=a Ââ=a Ææ=ae Çç=c Éé=e Èè=e Êê=e Ëë=e Îî=i Ïï=i Ôô=o Œœ=oe Ùù=u Ûû=u Üü=u Ÿÿ=y"),
        ("German", "Ää=a Öö=o Üü=u ẞß=ss"),
        ("Hungarian", "Áá=a Éé=e Íí=i Óó=o Öö=o Őő=o Úú=u Üü=u Űű=u"),
        ("Irish", "Áá=a Éé=e Íí=i Óó=o Úú=u Ḃḃ=b Ċċ=c Ḋḋ=d Ḟḟ=f Ġġ=g Ṁṁ=m Ṗṗ=p Ṡṡ=s Ṫṫ=t"),
        ("Italian", "Àà=a Èè=e Éé=e Ìì=i Íí=i Îî=i Òò=o Óó=o Ùù=u Úú=u"),
        ("Latvian", "Āā=a Čč=c Ēē=e Ģģ=g Īī=i Ķķ=k Ļļ=l Ņņ=n Šš=s Ūū=u Žž=z Ōō=o Ŗŗ=r"),
        ("Lithuanian", "Ąą=a Čč=c Ęę=e Ėė=e Įį=i Šš=s Ųų=u Ūū=u Žž=z"),
        ("Maltese", "Ċċ=c Ġġ=g Ħħ=h Żż=z Àà=a Èè=e Ìì=i Òò=o Ùù=u"),
        ("Polish", "Ąą=a Ćć=c Ęę=e Łł=l Ńń=n Óó=o Śś=s Źź=z Żż=z"),
        ("Portuguese", "Áá=a Ââ=a Ãã=a Àà=a Çç=c Éé=e Êê=e Íí=i Óó=o Ôô=o Õõ=o Úú=u Üü=u"),
        ("Romanian", "Ăă=a Ââ=a Îî=i Șș=s Şş=s Țț=t Ţţ=t"),
        ("Slovak", "Áá=a Ää=a Čč=c Ďď=d Éé=e Íí=i Ĺĺ=l Ľľ=l Ňň=n Óó=o Ôô=o Ŕŕ=r Šš=s Ťť=t Úú=u Ýý=y Žž=z"),
        ("Slovenian", "Čč=c Šš=s Žž=z Ćć=c Đđ=d"),
        ("Spanish", "Áá=a Éé=e Íí=i Ññ=n Óó=o Úú=u Üü=u"),
        ("Swedish", "Åå=a Ää=a Öö=o Éé=e"),
        ("Letters beyond the 24 (names, loans)", "Iı=i İi=i Þþ=th Ðð=d Ŀŀ=l Ŧŧ=t Ŋŋ=n"),
        ("Greek", "Αα=α Ββ=β Γγ=γ Δδ=δ Εε=ε Ζζ=ζ Ηη=η Θθ=θ Ιι=ι Κκ=κ Λλ=λ Μμ=μ Νν=ν Ξξ=ξ Οο=ο Ππ=π Ρρ=ρ Σσ=σ Σς=σ Ττ=τ Υυ=υ Φφ=φ Χχ=χ Ψψ=ψ Ωω=ω Άά=α Έέ=ε Ήή=η Ίί=ι Όό=ο Ύύ=υ Ώώ=ω Ϊϊ=ι Ϋϋ=υ ΐΐ=ι ΰΰ=υ"),
        ("Bulgarian", "Аа=а Бб=б Вв=в Гг=г Дд=д Ее=е Жж=ж Зз=з Ии=и Йй=и Кк=к Лл=л Мм=м Нн=н Оо=о Пп=п Рр=р Сс=с Тт=т Уу=у Фф=ф Хх=х Цц=ц Чч=ч Шш=ш Щщ=щ Ъъ=ъ Ьь=ь Юю=ю Яя=я Ѝѝ=и"),
    ]

    @Test(arguments: alphabets)
    func everyLetterFoldsAsWritten(language: String, letters: String) throws {
        for entry in letters.split(separator: " ") {
            let parts = entry.split(separator: "=", maxSplits: 1)
            try #require(parts.count == 2 && parts[0].count == 2, "\(language): malformed entry \(entry)")
            let upper = String(parts[0].first!), lower = String(parts[0].last!), expected = String(parts[1])
            #expect(TextFolding.fold(upper) == expected, "\(language) \(upper)")
            #expect(TextFolding.fold(lower) == expected, "\(language) \(lower)")
            // Inside a word, beside ASCII (the table path) and beside a combining mark (the reference path).
            #expect(TextFolding.fold("X" + upper + "y") == "x" + expected + "y", "\(language) X\(upper)y")
            #expect(TextFolding.fold("e\u{301}" + lower) == "e" + expected, "\(language) é\(lower)")
        }
    }

    @Test func wordsFoldAsAPersonTypesThem() {
        let words = [("Łódź", "lodz"), ("ØRESUND", "oresund"), ("Straße", "strasse"), ("STRASSE", "strasse"),
                     ("Cœur", "coeur"), ("Æbeltoft", "aebeltoft"), ("Þingvellir", "thingvellir"),
                     ("Ħamrun", "hamrun"), ("Diyarbakır", "diyarbakir"), ("Đakovo", "dakovo"),
                     ("Αθήνα", "αθηνα"), ("ΟΔΟΣ", "οδοσ"), ("οδός", "οδοσ"), ("Mănăstirea Putna", "manastirea putna"),
                     ("Пловдив", "пловдив"), ("Ĳsselmeer", "ijsselmeer")]
        for (text, folded) in words {
            #expect(TextFolding.fold(text) == folded, "\(text)")
        }
        #expect(TextFolding.contains("Universytet Łódzki", "LODZ"))
        #expect(!TextFolding.contains("Universytet Łódzki", "lodzy"))
    }

    /// The table path gives the reference fold on random Latin, Greek and Cyrillic text. The
    /// reference is Foundation's fold followed by `letterFolds`: Foundation alone leaves ł, ø, æ,
    /// œ, đ, ħ, ı, þ (and the others of `letterFolds`) as they are, which is what search must not do.
    @Test func tableTextFoldsLikeTheReference() {
        var rng = SplitMix64.forTest()
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) {
                let value = switch Int.random(in: 0..<3, using: &rng) {
                case 0: UInt32.random(in: 0x20..<0x80, using: &rng)
                case 1: UInt32.random(in: 0xA0..<0x300, using: &rng)
                default: UInt32.random(in: 0x370..<0x530, using: &rng)
                }
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
            #expect(TextFolding.fold(text) == TextFolding.referenceFold(text), "\(text.unicodeScalars.map(\.value)), \(rng.replay)")
        }
    }

    @Test func everyTableScalarAndKnownCases() {
        for value in UInt32(0x80)..<0x530 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(scalar) + "z"
            #expect(TextFolding.fold(text) == TextFolding.referenceFold(text), "U+\(String(value, radix: 16))")
        }
        #expect(TextFolding.fold("Européen ÉTUDE Łukasz Müller") == "europeen etude lukasz muller")
        // Foundation keeps ł: the reference differs from it on purpose.
        #expect(TextFolding.foundationFold("Łukasz") == "łukasz")
        // Beyond the table (combining marks, CJK): the reference path.
        #expect(TextFolding.foldByTable("e\u{301}cole") == nil)
        #expect(TextFolding.fold("e\u{301}cole") == "ecole")
        #expect(TextFolding.fold("Łódź 日本") == "lodz 日本")
    }
}
