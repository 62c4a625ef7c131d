const fixtureLater = 3;
