/** The per-file MongoDB database of the integration suite (TEST_DATABASE_URI). */
import { describe, expect, it } from '@jest/globals'

import { testDatabaseName, testDatabaseUri } from '../helpers/test-database'

describe('testDatabaseUri', () => {
  it('puts the test database in the path and keeps the replica set option', () => {
    expect(testDatabaseUri('mongodb://localhost:27017/?replicaSet=rs0', 'kiosque_test_1')).toBe(
      'mongodb://localhost:27017/kiosque_test_1?replicaSet=rs0',
    )
    expect(testDatabaseUri('mongodb://mongo:27017/kiosque?replicaSet=rs0', 'kiosque_test_2')).toBe(
      'mongodb://mongo:27017/kiosque_test_2?replicaSet=rs0',
    )
    expect(testDatabaseUri('mongodb://mongo', 'kiosque_test_3')).toBe(
      'mongodb://mongo/kiosque_test_3',
    )
  })

  it('keeps every host of a seed list and every option as written', () => {
    expect(
      testDatabaseUri(
        'mongodb://a.example:27017,b.example:27018,c.example/prod?replicaSet=rs0&readPreferenceTags=dc:ny,rack:1&w=majority',
        'kiosque_test_4',
      ),
    ).toBe(
      'mongodb://a.example:27017,b.example:27018,c.example/kiosque_test_4?replicaSet=rs0&readPreferenceTags=dc:ny,rack:1&w=majority',
    )
    expect(testDatabaseUri('mongodb+srv://cluster0.example.net/?retryWrites=true', 'k_5')).toBe(
      'mongodb+srv://cluster0.example.net/k_5?retryWrites=true',
    )
  })

  it('keeps authenticating against the database the credentials belong to', () => {
    // Without authSource the driver authenticates against the path's database.
    expect(testDatabaseUri('mongodb://ci:s%40cret@db:27017/?replicaSet=rs0', 'k_6')).toBe(
      'mongodb://ci:s%40cret@db:27017/k_6?replicaSet=rs0&authSource=admin',
    )
    expect(testDatabaseUri('mongodb://ci:pw@db:27017/kiosque', 'k_7')).toBe(
      'mongodb://ci:pw@db:27017/k_7?authSource=kiosque',
    )
    expect(
      testDatabaseUri('mongodb://ci:pw@db/kiosque?authSource=users&replicaSet=rs0', 'k_8'),
    ).toBe('mongodb://ci:pw@db/k_8?authSource=users&replicaSet=rs0')
  })

  it('refuses anything but a MongoDB connection string, and names MongoDB would refuse', () => {
    for (const base of ['file:/tmp/test.db', 'postgres://db/kiosque', 'mongodb://', '']) {
      expect(() => testDatabaseUri(base, 'kiosque_test')).toThrow(/TEST_DATABASE_URI/)
    }
    for (const name of ['a.b', 'with space', 'a/b', '$x', 'x'.repeat(64), '']) {
      expect(() => testDatabaseUri('mongodb://db/', name)).toThrow(/database name/)
    }
  })
})

describe('testDatabaseName', () => {
  it('gives each test file a different, valid name', () => {
    const names = new Set(Array.from({ length: 50 }, () => testDatabaseName()))
    expect(names.size).toBe(50)
    for (const name of names) {
      expect(name).toMatch(/^kiosque_test_\d+_[0-9a-f]{8}$/)
      expect(() => testDatabaseUri('mongodb://db/', name)).not.toThrow()
    }
  })
})
