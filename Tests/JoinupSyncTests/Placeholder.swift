// Placeholder so SwiftPM finds the test target declared in Package.swift; replace with real tests.
