import Foundation
import Testing
@testable import JoinupModel

@Test func lastUpdateUsesBrusselsSummerTime() {
    // 11:43 UTC on 26 June 2023 is 13:43 in Brussels (CEST, +0200).
    let date = Date(timeIntervalSince1970: 1_687_779_780)
    #expect(JoinupDate.lastUpdate(date) == "Mon, 26/06/2023 - 13:43")
}

@Test func dayUsesBrusselsWinterTime() {
    // 23:30 UTC on 20 January 2022 is already 21 January in Brussels (CET, +0100).
    let date = Date(timeIntervalSince1970: 1_642_721_400)
    #expect(JoinupDate.day(date) == "21/01/2022")
}
